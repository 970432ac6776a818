package io.accord.sla;

import io.accord.alert.AlertDraft;
import io.accord.alert.AlertService;
import io.accord.alert.AlertView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import io.accord.common.RoundDrain;
import org.jboss.logging.Logger;

/**
 * Finds SLA clocks whose warning point, due date or escalation point has passed and raises their alerts; resolves the
 * alerts of clocks that were met late or cancelled. Runs on every replica: clocks are claimed in batches with
 * {@code FOR UPDATE SKIP LOCKED} through one partial index on {@code next_check_at}; the alerts, the clocks' changes,
 * and their events are written in one transaction; the unique key of alerts makes each
 * one exist once. Nothing in memory decides anything, so a replica that dies mid-batch loses nothing: its
 * transaction rolls back and the rows are claimed again. After downtime the same scan catches up on everything missed.
 */
@ApplicationScoped
public class BreachDetector {

    private static final Logger LOG = Logger.getLogger(BreachDetector.class);

    /**
     * The claim, which is also the idle poll: clocks whose next check has come, served by the partial index
     * {@code sla_clocks_next_check} (checked by {@code ScheduledQueryPlansTest}).
     */
    public static final String CLAIM = ClockBatchStore.CLAIM_DUE;

    /**
     * What moves an owner's clocks when their absences change (the eager step of {@link AbsenceFollower}), served by
     * {@code sla_clocks_owner} (checked by {@code ScheduledQueryPlansTest}).
     */
    public static final String ABSENCE_FOLLOWING = ClockBatchStore.LOCK_FOLLOWING;

    private final Pool pool;
    private final ClockBatchStore store;
    private final HoldExpiry holds;
    private final AbsenceFollower absences;
    private final Reassigner reassigner;
    private final AlertService alerts;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Duration interval;
    private final int batch;
    private final boolean enabled;
    private final int workers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Counter> raised = new ConcurrentHashMap<>();
    private final Timer detectionLag;
    private long timer = -1;

    public BreachDetector(Pool pool, ClockBatchStore store, HoldExpiry holds, AbsenceFollower absences,
            Reassigner reassigner, AlertService alerts, Clock clock, Vertx vertx, MeterRegistry registry,
            DetectorSettings config) {
        this.pool = pool;
        this.store = store;
        this.holds = holds;
        this.absences = absences;
        this.reassigner = reassigner;
        this.alerts = alerts;
        this.clock = clock;
        this.vertx = vertx;
        this.registry = registry;
        this.interval = config.interval();
        this.batch = config.batch();
        this.enabled = config.enabled();
        this.workers = Math.max(1, config.workers());
        this.detectionLag = Timer.builder("accord.alerts.detection.lag")
                .description("From a deadline to its alert being recorded").publishPercentileHistogram()
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
        }
    }

    /**
     * Graceful shutdown (SIGTERM): starts no new batch and waits (at most 10 s) for the one under way to commit, so
     * the clocks it claimed are handled rather than left to a rollback when the pool closes. Either way nothing is
     * lost: a batch that does not commit releases its locks and another replica claims the clocks.
     */
    void finishOnShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        RoundDrain.await(running, Duration.ofSeconds(10));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private volatile boolean stopping;

    private void tick() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        // The idle poll is a single indexed query. When it claims a full batch, the other workers start at once,
        // before that batch is handled, so a burst is worked on in parallel from its first moment.
        List<Uni<Integer>> helpers = new ArrayList<>();
        scan(() -> {
            for (int i = 1; i < workers; i++) {
                Uni<Integer> loop = drain().memoize().indefinitely();
                loop.subscribe().with(n -> { }, failure -> { });
                helpers.add(loop);
            }
        }).chain(n -> n == batch && !stopping ? drain().map(m -> m + n) : Uni.createFrom().item(n))
                .chain(n -> helpers.isEmpty() ? Uni.createFrom().item(n)
                        : Uni.join().all(helpers).andCollectFailures().map(counts -> n))
                .subscribe().with(n -> running.set(false), failure -> {
                    LOG.warnf("Breach detection round failed, retrying: %s", failure.getMessage());
                    running.set(false);
                });
    }

    /** Scans until a batch comes back short; answers how many clocks it handled. */
    public Uni<Integer> drain() {
        return scanOnce().chain(n -> n == batch && !stopping ? drain().map(m -> m + n) : Uni.createFrom().item(n));
    }

    /** One batch in one transaction; answers how many clocks it claimed. */
    public Uni<Integer> scanOnce() {
        return scan(() -> { });
    }

    /** One batch in one transaction; {@code whenFull} runs as soon as a full batch is claimed, before it is handled. */
    private Uni<Integer> scan(Runnable whenFull) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        // Holds that ended by themselves first, so their clocks' moved deadlines are what this scan checks.
        return holds.resumeDue(now, batch).chain(resumed -> pool.withTransaction(conn -> store.claimDue(conn, now, batch)
                .chain(rows -> {
                    if (rows.size() == batch) {
                        whenFull.run();
                    }
                    return handle(conn, now, rows).replaceWith(rows.size());
                })))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.debugf("Handled %d clocks in %d ms", (Object) n, (Object) ((System.nanoTime() - started) / 1_000_000));
                    }
                });
    }

    private Uni<Void> handle(SqlConnection conn, Instant now, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Clocks that follow their owner's absences first: one whose deadlines moved waits for its new check.
        // Then milestones that reassign on breach decide (they lock leads and pools): their alerts say who has the lead.
        return absences.follow(conn, now, rows).chain(left -> left.isEmpty() ? Uni.createFrom().voidItem()
                : reassigner.plan(conn, now, left).chain(plan -> handle(conn, now, left, plan)));
    }

    private Uni<Void> handle(SqlConnection conn, Instant now, List<Row> rows, Reassigner.Plan plan) {
        List<AlertDraft> drafts = new ArrayList<>();
        List<Instant> checkpoints = new ArrayList<>();
        List<UUID> resolveClocks = new ArrayList<>();
        List<String> resolutions = new ArrayList<>();
        List<ClockBatchStore.Checked> checked = new ArrayList<>(rows.size());
        for (Row r : rows) {
            UUID id = r.getUUID("id");
            if (plan.deferred().contains(id)) {
                continue; // its lead is busy: the clock stays due and the next round takes it
            }
            Reassigner.Decision reassignment = plan.decision(id);
            String status = r.getString("status");
            Instant warn = instant(r, "warn_at");
            Instant due = instant(r, "due_at");
            Instant escalate = instant(r, "escalate_at");
            boolean warned = r.getOffsetDateTime("warning_raised_at") != null;
            boolean escalated = r.getOffsetDateTime("escalation_raised_at") != null;
            ClockCheck check = ClockCheck.of(status, r.getBoolean("late"), warn, due, escalate, warned, escalated,
                    r.getBoolean("breach_resolved"), now);
            if (check.resolution() != null) {
                resolveClocks.add(id);
                resolutions.add(check.resolution());
            }
            if (check.raiseWarning()) {
                drafts.add(new AlertDraft.ClockWarning(facts(r)));
                checkpoints.add(warn);
            }
            if (check.raiseBreach()) {
                drafts.add(new AlertDraft.ClockBreach(facts(r), reassignment == null ? null : reassignment.details()));
                checkpoints.add(due);
            }
            if (check.raiseEscalation()) {
                drafts.add(new AlertDraft.ClockEscalation(facts(r), r.getString("manager_id")));
                checkpoints.add(escalate);
            }
            if (reassignment != null && reassignment.reassigned()) {
                continue; // ends as reassigned (Reassigner.apply)
            }
            checked.add(new ClockBatchStore.Checked(id, check.status(), check.raiseBreach() ? now : null,
                    check.raiseWarning() ? now : null, check.raiseEscalation() ? now : null, check.nextCheck()));
        }
        // The clocks first: raising alerts appends events under the sequence lock, which is then held only briefly.
        return store.checked(conn, checked)
                .chain(() -> reassigner.apply(conn, now, plan))
                .chain(() -> alerts.raise(conn, now, drafts))
                .invoke(created -> measure(created, drafts, checkpoints, now))
                .chain(() -> reassigner.announce(conn, now, plan))
                .chain(() -> alerts.resolveForClocks(conn, now, resolveClocks, resolutions))
                .replaceWithVoid();
    }

    private void measure(List<AlertView> created, List<AlertDraft> drafts, List<Instant> checkpoints, Instant now) {
        for (AlertView alert : created) {
            raised.computeIfAbsent(alert.kind(), kind -> Counter.builder("accord.alerts.raised").tag("kind", kind)
                    .register(registry)).increment();
        }
        for (int i = 0; i < drafts.size(); i++) {
            Duration lag = Duration.between(checkpoints.get(i), now);
            detectionLag.record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private static AlertDraft.ClockFacts facts(Row r) {
        return new AlertDraft.ClockFacts(r.getUUID("id"), r.getUUID("lead_id"), r.getString("source"),
                r.getString("external_id"), r.getString("company_name"), r.getString("owner_id"), r.getString("team_key"),
                r.getString("tier"), r.getString("policy_key"), r.getInteger("policy_revision"),
                r.getString("milestone"), instant(r, "due_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
