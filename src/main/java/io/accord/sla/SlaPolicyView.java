package io.accord.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SlaPolicy", description = "Which leads a follow-up SLA covers and its milestones, at its current revision.")
public record SlaPolicyView(
        UUID id,
        @Schema(example = "tier-a-emea") String key,
        @Schema(example = "Tier A, EMEA") String name,
        @Schema(example = "100") int priority,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "emea-sales") String calendarKey,
        @Schema(example = "team", enumeration = {"team", "owner", "both"}, description = "Which business time "
                + "the clocks count: the policy's calendar (`team`), the owner's own calendar (`owner`; the team's "
                + "when the owner has none), or `both` (open only when both are)") String businessTime,
        SlaPolicyRequest.Conditions conditions,
        List<SlaPolicyRequest.MilestoneSpec> milestones,
        @Schema(example = "2", description = "Starts at 1; every edit adds one") int revision,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-22T09:30:00Z") Instant updatedAt) {
}
