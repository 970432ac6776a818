package io.accord.icp;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ICP version with its workflow history. */
@Schema(name = "IcpVersion")
public record IcpVersionView(
        @Schema(example = "mid-market-saas") String icpKey,
        @Schema(description = "1, 2, 3… per ICP", example = "3") int version,
        @Schema(example = "proposed", enumeration = {"draft", "proposed", "active", "superseded", "rejected"})
        String status,
        List<CriterionView> criteria,
        List<TierView> tiers,
        @Schema(example = "Adds the DACH region after the Q3 win/loss review", nullable = true) String notes,
        @Schema(description = "The version this one was copied from", example = "2", nullable = true) Integer copiedFrom,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String createdBy,
        @Schema(example = "2026-11-22T09:45:00Z") Instant updatedAt,
        @Schema(description = "The last change of criteria or tiers (creation or edit); a backtest older than this "
                + "is stale", example = "2026-11-22T09:40:00Z") Instant editedAt,
        @Schema(example = "2026-11-22T10:00:00Z", nullable = true) Instant proposedAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50", nullable = true) String proposedBy,
        @Schema(description = "The latest backtest when the version was proposed (null: none)", nullable = true)
        BacktestRefView proposedWithBacktest,
        @Schema(description = "At most one per side, oldest first") List<IcpDecisionView> approvals,
        @Schema(description = "At most one; a rejected version is final") List<IcpDecisionView> rejections,
        @Schema(example = "2026-11-23T14:05:00Z", nullable = true) Instant activatedAt,
        @Schema(example = "2027-01-10T08:00:00Z", nullable = true) Instant supersededAt,
        @Schema(example = "2026-11-23T11:00:00Z", nullable = true) Instant rejectedAt,
        @Schema(description = "The actions allowed in the current status", example = "[\"approve\", \"reject\"]",
                enumeration = {"edit", "propose", "approve", "reject"})
        List<String> allowedActions) {

    static IcpVersionView of(String icpKey, IcpVersion v, List<IcpApproval> decisions) {
        List<IcpApproval> sorted = decisions.stream()
                .sorted(Comparator.comparing((IcpApproval a) -> a.at).thenComparing(a -> a.side)).toList();
        IcpDefinition definition = v.definition();
        return new IcpVersionView(icpKey, v.number, v.status,
                definition.criteria().stream().map(CriterionView::of).toList(),
                definition.tiers().stream().map(TierView::of).toList(),
                v.notes, v.copiedFrom, v.createdAt, v.createdBy, v.updatedAt, v.editedAt, v.proposedAt, v.proposedBy,
                BacktestRefView.of(v.proposedBacktestId, v.proposedBacktestAt, v.proposedBacktestStale),
                sorted.stream().filter(a -> IcpApproval.APPROVE.equals(a.decision)).map(IcpDecisionView::of).toList(),
                sorted.stream().filter(a -> IcpApproval.REJECT.equals(a.decision)).map(IcpDecisionView::of).toList(),
                v.activatedAt, v.supersededAt, v.rejectedAt,
                IcpVersionLifecycle.allowedActionNames(v.lifecycleStatus()));
    }
}
