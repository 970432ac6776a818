package io.accord.evidence;

import io.accord.icp.IcpEvidence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The ICP feature's evidence port: a version's latest finished backtest (index {@code icp_backtests_latest}). */
@ApplicationScoped
class BacktestEvidence implements IcpEvidence {

    private final BacktestStore store;

    BacktestEvidence(BacktestStore store) {
        this.store = store;
    }

    @Override
    public Uni<Optional<Backtest>> latestBacktest(String icpKey, int number) {
        return store.latest(icpKey, number).map(s -> Optional.ofNullable(s).map(b -> new Backtest(b.id(),
                b.createdAt(), b.versionEditedAt(), b.from(), b.to(), b.leads())));
    }

    @Override
    public Uni<Optional<Backtest>> citeLatestBacktest(String icpKey, int number) {
        return latestBacktest(icpKey, number).call(b -> b.isPresent() ? store.keep(b.get().id()) : Uni.createFrom().voidItem());
    }
}
