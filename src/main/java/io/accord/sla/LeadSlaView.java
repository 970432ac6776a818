package io.accord.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadSla", description = "A lead's SLA clocks (of every hand-off) and a timeline of what happened.")
public record LeadSlaView(
        UUID leadId,
        @Schema(example = "mql") String status,
        @Schema(nullable = true, example = "2026-11-20T16:00:00Z", description = "The latest hand-off") Instant handedOffAt,
        @Schema(example = "covered", enumeration = {"not_handed_off", "no_policy", "covered"},
                description = "For the latest hand-off: whether a policy matched") String coverage,
        @Schema(nullable = true, description = "The policy revision of the latest hand-off's clocks") PolicyRef policy,
        @Schema(example = "Policy 'tier-a-emea' revision 2 applies since 2026-11-20T16:00:00Z") String note,
        @Schema(nullable = true, description = "The hold pausing the lead's clocks now, from their open pauses; null "
                + "when none") Hold hold,
        List<ClockView> clocks,
        List<TimelineEntry> timeline) {

    @Schema(name = "SlaHold")
    public record Hold(
            @Schema(example = "Waiting for the prospect's legal review") String reason,
            @Schema(example = "2026-11-20T17:00:00Z") Instant since,
            @Schema(nullable = true, example = "2026-11-23T09:00:00Z") Instant until) {
    }

    @Schema(name = "SlaPolicyRef")
    public record PolicyRef(@Schema(example = "tier-a-emea") String key, @Schema(example = "2") int revision) {
    }

    @Schema(name = "SlaTimelineEntry", description = "Lifecycle actions (`hand_off`, `accept`, `reject`, `qualify`, "
            + "`close`, `recycle`, `assign`), `hold`, `resume` and `inbound` events, `touch`, and clock events: `met`, "
            + "`breached` (the due date passed without the milestone), `cancelled`, `paused`, `resumed`.")
    public record TimelineEntry(
            @Schema(example = "2026-11-20T16:00:00Z") Instant at,
            @Schema(example = "met") String kind,
            @Schema(nullable = true, example = "first_touch") String milestone,
            @Schema(nullable = true) UUID clockId,
            @Schema(nullable = true) UUID touchId,
            @Schema(nullable = true, example = "u-2001") String actor,
            @Schema(example = "first_touch met on time") String summary) {
    }
}
