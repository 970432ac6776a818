package io.accord.icp;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side's approval or rejection as the API shows it. */
@Schema(name = "IcpDecision")
public record IcpDecisionView(
        @Schema(example = "marketing", enumeration = {"marketing", "sales"}) String side,
        @Schema(description = "The principal who decided", example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String by,
        @Schema(example = "2026-11-23T14:05:00Z") Instant at,
        @Schema(example = "Matches what closed last quarter", nullable = true) String comment,
        @Schema(description = "Approvals: the backtest this side saw when it signed (null: the version had none)",
                nullable = true) BacktestRefView backtest) {

    static IcpDecisionView of(IcpApproval a) {
        return new IcpDecisionView(a.side, a.principal, a.at, a.comment,
                BacktestRefView.of(a.backtestId, a.backtestAt, a.backtestStale));
    }
}
