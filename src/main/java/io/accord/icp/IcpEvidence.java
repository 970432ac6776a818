package io.accord.icp;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The evidence a version is signed on: the one place where the ICP feature meets the evidence feature, which
 * implements it ({@code io.accord.evidence.BacktestEvidence}). The ICP feature declares it and asks it, before it
 * opens its own transaction, for the latest finished backtest of a version when the version is proposed, approved,
 * or compared; it stores what it was told on the version and on each approval. The dependency points from evidence
 * to ICP (evidence needs the versions' criteria and the scorer), never back.
 */
public interface IcpEvidence {

    /**
     * A finished backtest: its id, when it was asked for, the version's last edit it scored ({@code versionEditedAt})
     * and its window.
     */
    record Backtest(UUID id, Instant ranAt, Instant versionEditedAt, Instant from, Instant to, long leads) {
    }

    /** The latest finished backtest of version {@code number} of ICP {@code icpKey}, if any. */
    Uni<Optional<Backtest>> latestBacktest(String icpKey, int number);

    /**
     * The latest finished backtest of a version, as {@link #latestBacktest}, for a proposal or an approval to cite:
     * from now on it is kept (it no longer expires), so the version's record never names a deleted backtest. Asked
     * before the ICP feature's transaction; if that transaction then fails, the backtest is merely kept longer.
     */
    Uni<Optional<Backtest>> citeLatestBacktest(String icpKey, int number);
}
