package io.accord.icp;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed from one version to another. */
@Schema(name = "IcpDiff", description = "Criteria are matched by attribute and operator. `changed` lists criteria in "
        + "both versions whose operands, weight or required flag differ as evaluation sees them (order, case and "
        + "surrounding spaces of values do not count; numbers compare by value). Tiers are matched by label.")
public record IcpDiffView(
        @Schema(example = "mid-market-saas") String icpKey,
        @Schema(description = "The version compared from (the before side)", example = "2") int from,
        @Schema(description = "The version compared to (the after side)", example = "3") int to,
        @Schema(description = "Criteria only in `to`") List<CriterionView> added,
        @Schema(description = "Criteria only in `from`") List<CriterionView> removed,
        List<CriterionChangeView> changed,
        List<TierChangeView> tiers,
        @Schema(description = "The evidence version `from` was proposed and signed on, and its latest backtest")
        EvidenceView fromEvidence,
        @Schema(description = "The same for version `to`") EvidenceView toEvidence) {

    @Schema(name = "IcpVersionEvidence")
    public record EvidenceView(
            @Schema(description = "The version's latest finished backtest (null: none)", nullable = true)
            BacktestRefView latestBacktest,
            @Schema(description = "The latest backtest when it was proposed (null: none, or not proposed)",
                    nullable = true) BacktestRefView proposedWithBacktest,
            @Schema(description = "Its approvals, each with the backtest that side saw") List<IcpDecisionView> approvals) {
    }

    @Schema(name = "CriterionChange")
    public record CriterionChangeView(
            @Schema(example = "company.employeeCount") String attribute,
            @Schema(example = "between") String operator,
            @Schema(description = "Which fields differ, in this order: values, value, min, max, weight, required",
                    example = "[\"min\", \"weight\"]")
            List<String> fields,
            CriterionView before,
            CriterionView after) {
    }

    @Schema(name = "TierChange")
    public record TierChangeView(
            @Schema(example = "A") String label,
            @Schema(example = "80", nullable = true) Integer beforeMinScore,
            @Schema(example = "75", nullable = true) Integer afterMinScore,
            @Schema(example = "changed", enumeration = {"added", "removed", "changed"}) String change) {
    }

    static IcpDiffView of(String icpKey, int from, int to, Diff diff, EvidenceView fromEvidence,
            EvidenceView toEvidence) {
        return new IcpDiffView(icpKey, from, to,
                diff.added().stream().map(CriterionView::of).toList(),
                diff.removed().stream().map(CriterionView::of).toList(),
                diff.changed().stream().map(c -> new CriterionChangeView(c.attribute(), c.operator(), c.fields(),
                        CriterionView.of(c.before()), CriterionView.of(c.after()))).toList(),
                diff.tiers().stream().map(t -> new TierChangeView(t.label(), t.beforeMinScore(), t.afterMinScore(),
                        t.change())).toList(), fromEvidence, toEvidence);
    }
}
