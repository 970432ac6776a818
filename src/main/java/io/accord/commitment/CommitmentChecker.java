package io.accord.commitment;

import io.accord.alert.AlertDraft;
import io.accord.alert.AlertService;
import io.accord.calendar.BusinessCalendar;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Checks commitments on any number of replicas. A round claims the commitments whose {@code next_check_at} has come
 * ({@code FOR UPDATE SKIP LOCKED}, index {@code commitments_due}), and for each, in that transaction: raises
 * {@code commitment.met} or {@code commitment.missed} for every period that closed since the last check, raises
 * {@code commitment.at_risk} when the open period's projection is below target after a quarter of its business time
 * ({@link CommitmentCheck}), and moves {@code closed_through} and {@code next_check_at} on. Alerts are unique per
 * (subject, kind), so a replica that dies mid-round and a second replica repeating the work raise nothing twice; the
 * row lock makes sure two replicas never work on the same commitment at once.
 */
@ApplicationScoped
public class CommitmentChecker {

    private static final Logger LOG = Logger.getLogger(CommitmentChecker.class);
    static final int BATCH = 20;
    /** At most this many closed periods are settled per check (a long outage catches up over several rounds). */
    static final int MAX_CLOSED = 60;

    /** Claims commitments whose next check has come; served by the index {@code commitments_due}. */
    public static final String CLAIM = CommitmentStore.CLAIM;

    private final Pool pool;
    private final CommitmentStore store;
    private final CommitmentReferences references;
    private final AlertService alerts;
    private final Clock clock;
    private final Duration interval;

    CommitmentChecker(Pool pool, CommitmentStore store, CommitmentReferences references, AlertService alerts,
            Clock clock, CommitmentSettings config) {
        this.pool = pool;
        this.store = store;
        this.references = references;
        this.alerts = alerts;
        this.clock = clock;
        this.interval = config.checkInterval();
    }

    @Scheduled(every = "${accord.commitments.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return checkDue().onFailure().invoke(e -> LOG.warnf("Commitment check round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Checks every commitment that is due now, batch after batch; answers how many it checked. */
    public Uni<Integer> checkDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return round(now).chain(n -> n == BATCH ? checkDue().map(m -> m + n) : Uni.createFrom().item(n));
    }

    private Uni<Integer> round(Instant now) {
        return pool.withTransaction(conn -> store.claimDue(conn, now, BATCH)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : references.calendarsOf(claimed).chain(cals -> Multi.createFrom().iterable(claimed)
                                .onItem().transformToUniAndConcatenate(c -> check(conn, c, cals.get(c.calendarKey()), now))
                                .collect().asList().map(List::size))));
    }

    private Uni<Void> check(SqlConnection conn, Commitment c, BusinessCalendar calendar, Instant now) {
        List<CommitmentPeriod> closed = CommitmentPeriod.closedBetween(c.period(), c.startsOn(), calendar.zone(),
                c.closedThrough(), now);
        Instant closedThrough = now;
        if (closed.size() > MAX_CLOSED) {
            closed = closed.subList(0, MAX_CLOSED);
            closedThrough = closed.get(MAX_CLOSED - 1).end();
        }
        CommitmentPeriod current = CommitmentPeriod.containing(c.period(), now, calendar.zone());
        boolean started = !current.startDate().isBefore(c.startsOn());
        CommitmentPeriod upcoming = started ? current : CommitmentPeriod.starting(c.period(), c.period().startOf(c.startsOn()),
                calendar.zone());
        List<CommitmentPeriod> counted = new ArrayList<>(closed);
        if (started) {
            counted.add(current);
        }
        Instant settledThrough = closedThrough;
        List<CommitmentPeriod> closedPeriods = closed;
        return CommitmentCounts.actuals(conn, c, counted).chain(actuals -> {
            List<CommitmentCheck.Evaluated> settled = new ArrayList<>();
            for (int i = 0; i < closedPeriods.size(); i++) {
                CommitmentPeriod p = closedPeriods.get(i);
                settled.add(new CommitmentCheck.Evaluated(p, CommitmentService.figures(c, calendar, p, actuals.get(i), now)));
            }
            CommitmentCheck.Evaluated open = started ? new CommitmentCheck.Evaluated(current,
                    CommitmentService.figures(c, calendar, current, actuals.get(actuals.size() - 1), now)) : null;
            List<AlertDraft> drafts = CommitmentCheck.findings(settled, open).stream().map(f -> draft(c, f)).toList();
            Instant next = settledThrough.isBefore(now) ? now
                    : CommitmentCheck.nextCheck(now, upcoming, PeriodProgress.quarterPoint(calendar, upcoming), interval);
            return alerts.raise(conn, now, drafts)
                    .chain(() -> store.checked(conn, c.id(), settledThrough, next));
        });
    }

    static AlertDraft draft(Commitment c, CommitmentCheck.Finding f) {
        CommitmentPeriod p = f.evaluated().period();
        PeriodFigures fig = f.evaluated().figures();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key", c.key());
        details.put("name", c.name());
        details.put("metric", c.metric());
        details.put("minTier", c.minTier());
        details.put("icpKey", c.icpKey());
        details.put("periodStart", p.start().toString());
        details.put("periodEnd", p.end().toString());
        details.put("target", fig.target());
        details.put("actual", fig.actual());
        details.put("projected", fig.projected());
        details.put("attainment", fig.attainment());
        details.put("status", fig.status().wire());
        return new AlertDraft.CommitmentFinding(f.kind(), CommitmentCheck.subject(c.id(), p), c.teamKey(), c.minTier(),
                details);
    }
}
