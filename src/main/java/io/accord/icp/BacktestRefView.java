package io.accord.icp;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backtest a version was proposed or approved on (or its latest one). */
@Schema(name = "BacktestRef", description = "A backtest of the version. Its full result is at `href` while it is "
        + "kept (7 days by default); the reference stays on the version for good.")
public record BacktestRefView(
        @Schema(example = "5b0e8a52-3c1e-4f7a-9d61-2a4b8c0d1e2f") UUID id,
        @Schema(description = "When the backtest was asked for", example = "2026-11-23T09:12:00Z") Instant ranAt,
        @Schema(description = "True when it scored an older edit of the version than its last one (an approval on "
                + "it acknowledged that)", example = "false") boolean stale,
        @Schema(example = "/api/v1/icp-backtests/5b0e8a52-3c1e-4f7a-9d61-2a4b8c0d1e2f") String href) {

    static BacktestRefView of(UUID id, Instant ranAt, boolean stale) {
        return id == null ? null : new BacktestRefView(id, ranAt, stale, "/api/v1/icp-backtests/" + id);
    }
}
