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
        @Schema(required = true, description = "One to five milestones, each kind at most once") List<MilestoneSpec> milestones,
        @Schema(example = "team", nullable = true, enumeration = {"team", "owner", "both"}, description = "Which "
                + "business time the clocks count: the policy's calendar (`team`, default), the owner's own calendar "
                + "(`owner`; the policy's when the owner has none, see `/api/v1/people`), or `both` (time counts only "
                + "when both are open)") String businessTime) {

    public SlaPolicyRequest(String key, String name, Integer priority, Boolean enabled, String calendarKey,
            Conditions conditions, List<MilestoneSpec> milestones) {
        this(key, name, priority, enabled, calendarKey, conditions, milestones, null);
    }

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
            @Schema(nullable = true, description = "What happens when the clock breaches, besides the `sla.breached` "
                    + "alert; optional") OnBreach onBreach,
            @Schema(example = "true", nullable = true, description = "Whether a hold (`POST /api/v1/leads/{id}/hold`) "
                    + "pauses this milestone's clock; default true. A clock of a milestone with `holdable: false` "
                    + "keeps running while the lead is on hold") Boolean holdable) {

        public MilestoneSpec(String kind, String target, BigDecimal warnAt, String escalateAfter, Integer attempts) {
            this(kind, target, warnAt, escalateAfter, attempts, null, null);
        }

        public MilestoneSpec(String kind, String target, BigDecimal warnAt, String escalateAfter, Integer attempts,
                OnBreach onBreach) {
            this(kind, target, warnAt, escalateAfter, attempts, onBreach, null);
        }
    }

    @Schema(name = "SlaOnBreach")
    public record OnBreach(
            @Schema(required = true, description = "Hand the lead to the next available member of a team") Reassign reassign) {
    }

    @Schema(name = "SlaReassign", description = "On breach the lead goes to the next available member of `pool`: active, "
            + "not absent, not one of the `excludePrevious` most recent owners, and (with `respectHours`) within their "
            + "own hours. The breached clock ends as `reassigned`, the new owner's clock starts with the same policy "
            + "revision, and a `lead.reassigned` event follows. When nobody is available the clock stays breached and "
            + "the alert says so.")
    public record Reassign(
            @Schema(example = "round_robin", required = true, enumeration = {"round_robin", "least_loaded"},
                    description = "`round_robin`: the next member after the last one assigned from this pool; "
                            + "`least_loaded`: the member with the fewest live clocks, ties in round-robin order")
            String to,
            @Schema(example = "dach-sales", required = true, description = "The key of the team whose members "
                    + "(`/people` with this team) are the candidates") String pool,
            @Schema(example = "1", description = "Skip the lead's N most recent owners, the current one first: 1 to "
                    + "20, default 1", nullable = true) Integer excludePrevious,
            @Schema(example = "PT1H", nullable = true, description = "Record the owner who breached as absent for this "
                    + "long (ISO 8601, whole seconds, at most P366D); optional") String markOwnerUnavailableFor,
            @Schema(example = "false", nullable = true, description = "Only members within their own hours (members "
                    + "without a personal calendar always qualify); default false") Boolean respectHours,
            @Schema(example = "fresh", enumeration = {"fresh", "remaining"}, nullable = true, description = "`fresh` "
                    + "(default): the new clock gets the milestone's full target from the reassignment; `remaining`: it "
                    + "is due when the breached clock would have escalated (needs `escalateAfter`)") String clock) {
    }
}
