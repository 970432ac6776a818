package io.accord.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SLA compliance of the clocks due in [from, to), per group. */
@Schema(name = "SlaComplianceReport")
public record SlaComplianceReport(
        @Schema(example = "2026-11-16T00:00:00Z") Instant from,
        @Schema(example = "2026-11-23T00:00:00Z") Instant to,
        @Schema(nullable = true, example = "teamKey", description = "null: one group with all clocks") String groupBy,
        List<Group> groups,
        @Schema(description = "All clocks of the report, whatever their group") Group total) {

    /**
     * One group. The outcome counts are disjoint and add up to {@code clocks}.
     */
    @Schema(name = "SlaComplianceGroup")
    public record Group(
            @Schema(nullable = true, example = "emea-sales", description = "The group's value; null for clocks "
                    + "without one (e.g. no owner), and for the total") String key,
            @Schema(example = "120") long clocks,
            @Schema(example = "104", description = "Met by the deadline") long metOnTime,
            @Schema(example = "9", description = "Met after the deadline") long metLate,
            @Schema(example = "4", description = "Breached and not met (still open, or cancelled after the breach)")
            long breached,
            @Schema(example = "2", description = "Cancelled before any breach (the lead left the funnel)") long cancelled,
            @Schema(example = "1", description = "Still running (or paused by a hold), not breached yet") long running,
            @Schema(nullable = true, example = "89.7", description = "On time ÷ (on time + late + breached), as a "
                    + "percentage with one decimal; null when that is 0 ÷ 0") BigDecimal compliance,
            TimeToMet timeToMet,
            @Schema(description = "The holds that paused the group's clocks (ended pauses)") Holds holds) {
    }

    /** Pause totals: time on hold is not counted in the clocks' deadlines nor in their time to met. */
    @Schema(name = "SlaHoldTotals")
    public record Holds(
            @Schema(example = "3", description = "Clocks paused at least once") long pausedClocks,
            @Schema(example = "4", description = "Pauses (one per hold per clock)") long pauses,
            @Schema(example = "PT7H30M", description = "Business time the pauses took, on the clocks' calendars")
            Duration pausedBusinessTime) {
    }

    /** Time from a clock's start to its being met, without its pauses, over the met clocks (on time or late). */
    @Schema(name = "TimeToMet")
    public record TimeToMet(
            @Schema(description = "Business time on the clock's policy calendar, less the paused business time")
            Percentiles business,
            @Schema(description = "Wall-clock time, less the paused wall time") Percentiles wall) {
    }
}
