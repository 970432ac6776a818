package io.accord.sla;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Creates an SLA policy ({@code key} required) or replaces it (the key in the path wins; a body key must match).
 * Validated by {@link SlaPolicyRules}, which names each offending field.
 */
@Schema(name = "SlaPolicyRequest")
public record SlaPolicyRequest(
        @Schema(example = "tier-a-emea", description = "Unique slug; required on create") String key,
        @Schema(example = "Tier A, EMEA", required = true) String name,
        @Schema(example = "100", description = "Higher wins; default 0") Integer priority,
        @Schema(example = "true", description = "Default true") Boolean enabled,
        @Schema(example = "emea-sales", required = true, description = "The business calendar targets are counted on")
        String calendarKey,
        @Schema(description = "All must match; an empty or missing list matches anything") Conditions conditions,
        @Schema(required = true, description = "One to five milestones, each kind at most once") List<MilestoneSpec> milestones) {

    @Schema(name = "SlaPolicyConditions")
    public record Conditions(
            @Schema(example = "[\"A\"]", description = "ICP tiers of the lead's fit") List<String> tiers,
            @Schema(example = "[]", description = "ICP keys of the lead's fit") List<String> icpKeys,
            @Schema(example = "[]", description = "Lead sources") List<String> sources,
            @Schema(example = "[\"DE\", \"FR\"]", description = "ISO 3166-1 alpha-2 codes, compared with the lead's "
                    + "`company.country` ignoring case") List<String> countries,
            @Schema(example = "[]", description = "Team keys of the lead") List<String> teamKeys) {
    }

    @Schema(name = "SlaMilestone")
    public record MilestoneSpec(
            @Schema(example = "first_touch", required = true, enumeration = {"first_touch", "decision", "attempts",
                "qualification", "next_response"}, description = "`next_response` is recurring: not started at "
                + "hand-off, but by each inbound message (`POST /api/v1/leads/{id}/inbound`) when no cycle is live, "
                + "and met by the next touch") String kind,
            @Schema(example = "PT4H", required = true, description = "Business time on the policy's calendar, ISO 8601, "
                    + "whole seconds, at most P366D") String target,
            @Schema(example = "0.75", nullable = true, description = "Warn at this fraction of the target (0 < warnAt < 1); optional")
            BigDecimal warnAt,
            @Schema(example = "PT2H", nullable = true, description = "Escalate this much business time after the due date; optional")
            String escalateAfter,
            @Schema(example = "3", description = "Required for `attempts` (1 to 100): how many touches meet it; not "
                    + "allowed for other kinds", nullable = true) Integer attempts,
            @Schema(example = "true", nullable = true, description = "Whether a hold (`POST /api/v1/leads/{id}/hold`) "
                    + "pauses this milestone's clock; default true. A clock of a milestone with `holdable: false` "
                    + "keeps running while the lead is on hold") Boolean holdable) {
    }
}
