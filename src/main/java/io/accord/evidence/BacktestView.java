package io.accord.evidence;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backtest: what was asked, how far it got, and (when done) its result. */
@Schema(name = "Backtest")
public record BacktestView(
        @Schema(example = "5b0e8a52-3c1e-4f7a-9d61-2a4b8c0d1e2f") UUID id,
        @Schema(example = "mid-market-saas") String icpKey,
        @Schema(example = "4") int version,
        @Schema(description = "The version's last edit this backtest scored; a later edit makes it stale",
                example = "2026-11-22T09:40:00Z") Instant versionEditedAt,
        @Schema(example = "2026-08-01T00:00:00Z") Instant from,
        @Schema(example = "2026-11-01T00:00:00Z") Instant to,
        BacktestRequest.Filters filters,
        @Schema(description = "`queued` and `running` jobs move on to `done` or `failed`", example = "done",
                enumeration = {"queued", "running", "done", "failed"}) String status,
        @Schema(description = "Leads in the window when it was asked for", example = "1840") long leads,
        @Schema(description = "Leads scored so far", example = "1840") long processed,
        @Schema(example = "2026-11-23T09:12:00Z") Instant createdAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String createdBy,
        @Schema(example = "2026-11-23T09:12:01Z", nullable = true) Instant finishedAt,
        @Schema(description = "When the result is deleted; null once a proposal or an approval cites it (it is then "
                + "kept)", example = "2026-11-30T09:12:00Z", nullable = true) Instant expiresAt,
        @Schema(description = "Why a job failed", example = "null", nullable = true) String error,
        @Schema(description = "Present when `status` is `done`", nullable = true) BacktestResultView result) {
}
