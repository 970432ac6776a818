package io.accord.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.icp.IcpScorer;
import io.accord.icp.IcpScoring;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs queued backtests on any number of replicas. A poll claims the oldest due job ({@code FOR UPDATE SKIP LOCKED},
 * index {@code icp_backtests_claim}) with a lease; the run extends the lease with its progress at most once a second. A
 * replica that dies stops extending it, so the job falls due again and another replica starts it over; a replica
 * that finds its lease taken over stops. A run that fails is retried up to {@code accord.evidence.job-attempts}
 * times. Expired backtests are deleted on every replica (index {@code icp_backtests_expiry}).
 */
@ApplicationScoped
public class BacktestJobs {

    private static final Logger LOG = Logger.getLogger(BacktestJobs.class);

    /** The claim of the job poll; served by {@code icp_backtests_claim}. */
    public static final String CLAIM = BacktestStore.CLAIM;
    /** The retention delete; served by {@code icp_backtests_expiry}. */
    public static final String PURGE = BacktestStore.PURGE;

    private final Pool pool;
    private final BacktestStore store;
    private final BacktestService backtests;
    private final IcpScoring icps;
    private final ObjectMapper json;
    private final Clock clock;
    private final EvidenceSettings settings;
    private final String replica = "replica:" + UUID.randomUUID();

    BacktestJobs(Pool pool, BacktestStore store, BacktestService backtests, IcpScoring icps, ObjectMapper json,
            Clock clock, EvidenceSettings settings) {
        this.pool = pool;
        this.store = store;
        this.backtests = backtests;
        this.icps = icps;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(every = "${accord.evidence.job-poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runDue().onFailure().invoke(e -> LOG.warnf("Backtest job round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(every = "${accord.evidence.retention-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retention() {
        return purge().onFailure().invoke(e -> LOG.warnf("Backtest retention failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the backtests whose retention ended; answers how many. */
    public Uni<Integer> purge() {
        return store.purge(now());
    }

    /** Runs due jobs one after the other until none is due; answers how many it ran (done or not). */
    public Uni<Integer> runDue() {
        Instant now = now();
        return store.claim(now, now.plus(settings.jobLease()), replica).chain(job -> job == null
                ? Uni.createFrom().item(0)
                : run(job).chain(() -> runDue()).map(n -> n + 1));
    }

    private Uni<Void> run(BacktestStore.Stored job) {
        if (job.attempts() > settings.jobAttempts()) {
            return store.fail(job.id(), replica, "gave up after " + settings.jobAttempts() + " attempts", now(), 0);
        }
        BacktestRequest.Filters filters = backtests.read(job.filters(), BacktestRequest.Filters.class);
        return icps.version(job.icpKey(), job.version()).chain(version -> {
            if (version.editedAt().isAfter(job.versionEditedAt())) {
                return store.fail(job.id(), replica, "version " + job.version()
                        + " was edited after this backtest was asked for; ask for a new one", now(), 0);
            }
            BacktestRun run = new BacktestRun(job.icpKey(), job.version(), IcpScorer.of(version.definition()), json,
                    settings);
            long[] reported = {System.nanoTime()};
            return run.run(pool, job.from(), job.to(), filters, processed -> {
                        // Progress (and the lease) at most once a second: a write per batch would cost more than it tells.
                        long at = System.nanoTime();
                        if (at - reported[0] < 1_000_000_000L) {
                            return Uni.createFrom().voidItem();
                        }
                        reported[0] = at;
                        return store.progress(job.id(), replica, processed, now().plus(settings.jobLease()))
                                .map(ours -> {
                                    if (!ours) {
                                        throw new LeaseLost();
                                    }
                                    return null;
                                });
                    })
                    .chain(result -> store.finish(job.id(), replica, run.processed(), backtests.write(result), now()))
                    .replaceWithVoid();
        }).onFailure(e -> !(e instanceof LeaseLost)).call(e -> {
            LOG.warnf("Backtest %s failed: %s", job.id(), e.getMessage());
            return store.fail(job.id(), replica, "the run failed; it is retried", now(), settings.jobAttempts());
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Another replica took the job over (this one's lease had run out). */
    private static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
