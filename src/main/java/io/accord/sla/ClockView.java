package io.accord.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SlaClock", description = "One milestone's clock for one hand-off of a lead (for `next_response`: one "
        + "cycle). The instants were computed when it started on the policy's calendar; only a hold moves them: on "
        + "resume they are recomputed on the calendar minus the clock's pauses.")
public record ClockView(
        UUID id,
        UUID leadId,
        @Schema(example = "tier-a-emea") String policyKey,
        @Schema(example = "2") int policyRevision,
        @Schema(example = "emea-sales") String calendarKey,
        @Schema(example = "first_touch", enumeration = {"first_touch", "decision", "attempts", "qualification",
            "next_response"}) String milestone,
        @Schema(example = "1", description = "The cycle of a `next_response` clock (1, 2, ... per hand-off); 1 for "
                + "the others") int cycle,
        @Schema(example = "PT4H", description = "Business time") String target,
        @Schema(example = "3", nullable = true, description = "Touches needed, for `attempts`") Integer attempts,
        @Schema(example = "running", enumeration = {"running", "met", "breached", "cancelled", "paused", "reassigned"},
                description = "`paused` while the lead is on hold (the deadlines then move on resume); `reassigned`: "
                        + "breached, and the lead went to another owner, whose clock follows") String status,
        @Schema(example = "2026-11-20T16:00:00Z") Instant startedAt,
        @Schema(example = "2026-11-23T09:00:00Z", nullable = true) Instant warnAt,
        @Schema(example = "2026-11-23T11:00:00Z") Instant dueAt,
        @Schema(example = "2026-11-23T14:00:00Z", nullable = true) Instant escalateAt,
        @Schema(nullable = true, example = "2026-11-23T10:12:00Z") Instant metAt,
        @Schema(example = "false", description = "Met after `dueAt`") boolean late,
        @Schema(example = "false", description = "Still open and past `dueAt` now") boolean overdue,
        @Schema(nullable = true, example = "2026-11-24T08:00:00Z") Instant cancelledAt,
        @Schema(example = "u-2001", nullable = true) String ownerId,
        @Schema(example = "emea-inbound", nullable = true) String teamKey,
        @Schema(example = "A", nullable = true) String tier,
        @Schema(description = "The holds that paused the clock, oldest first") List<Pause> pauses,
        @Schema(example = "PT3H", description = "Business time (on the clock's calendar) of its ended pauses; "
                + "reports subtract it") String pausedBusinessTime) {

    @Schema(name = "SlaClockPause", description = "One pause of a clock: [from, to)")
    public record Pause(
            @Schema(example = "2026-11-20T17:00:00Z") Instant from,
            @Schema(nullable = true, example = "2026-11-23T09:00:00Z", description = "Null while it lasts") Instant to,
            @Schema(nullable = true, example = "2026-11-23T09:00:00Z", description = "When the hold ends by itself")
            Instant until,
            @Schema(example = "Waiting for the prospect's legal review") String reason) {
    }

    static ClockView of(SlaClock c, List<ClockPauses.Pause> pauses, Instant now) {
        boolean open = c.status.equals("running") || c.status.equals("breached");
        return new ClockView(c.id, c.leadId, c.policyKey, c.policyRevision, c.calendarKey, c.milestone, c.cycle,
                c.target, c.attempts, c.status, c.startedAt, c.warnAt, c.dueAt, c.escalateAt, c.metAt, c.late,
                open && now.isAfter(c.dueAt), c.cancelledAt, c.ownerId, c.teamKey, c.tier,
                pauses.stream().map(p -> new Pause(p.from(), p.to(), p.until(), p.reason())).toList(),
                Duration.ofSeconds(c.pausedSeconds).toString());
    }
}
