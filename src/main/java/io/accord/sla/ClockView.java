package io.accord.sla;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SlaClock", description = "One milestone's clock for one hand-off of a lead. The instants were computed "
        + "at hand-off on the policy's calendar and never move.")
public record ClockView(
        UUID id,
        UUID leadId,
        @Schema(example = "tier-a-emea") String policyKey,
        @Schema(example = "2") int policyRevision,
        @Schema(example = "emea-sales") String calendarKey,
        @Schema(example = "first_touch", enumeration = {"first_touch", "decision", "attempts", "qualification"})
        String milestone,
        @Schema(example = "PT4H", description = "Business time") String target,
        @Schema(example = "3", nullable = true, description = "Touches needed, for `attempts`") Integer attempts,
        @Schema(example = "running", enumeration = {"running", "met", "breached", "cancelled", "reassigned"},
                description = "`reassigned`: breached, and the lead went to another owner, whose clock follows")
        String status,
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
        @Schema(example = "A", nullable = true) String tier) {

    static ClockView of(SlaClock c, Instant now) {
        boolean open = c.status.equals("running") || c.status.equals("breached");
        return new ClockView(c.id, c.leadId, c.policyKey, c.policyRevision, c.calendarKey, c.milestone, c.target,
                c.attempts, c.status, c.startedAt, c.warnAt, c.dueAt, c.escalateAt, c.metAt, c.late,
                open && now.isAfter(c.dueAt), c.cancelledAt, c.ownerId, c.teamKey, c.tier);
    }
}
