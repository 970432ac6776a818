package io.accord.sla;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SlaPolicyRevision", description = "A policy as it was at one revision; clocks keep the revision they "
        + "started with.")
public record SlaPolicyRevisionView(
        @Schema(example = "tier-a-emea") String key,
        @Schema(example = "1") int revision,
        @Schema(example = "Tier A, EMEA") String name,
        @Schema(example = "100") int priority,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "emea-sales") String calendarKey,
        @Schema(example = "team", enumeration = {"team", "owner", "both"}, description = "Which business time "
                + "the clocks count: the policy's calendar (`team`), the owner's own calendar (`owner`; the team's "
                + "when the owner has none), or `both` (open only when both are)") String businessTime,
        SlaPolicyRequest.Conditions conditions,
        List<SlaPolicyRequest.MilestoneSpec> milestones,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "apikey:0b0c…") String createdBy) {
}
