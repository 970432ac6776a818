package io.accord.sla;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarService;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fills {@code sla_clocks.business_seconds_to_met}: the business time a met clock took, on its policy's calendar,
 * less the business time its pauses took ({@code paused_seconds}, written when each pause ended), as
 * that calendar is when the clock is processed (normally seconds after it was met). A trigger cannot run the calendar
 * engine, so the application computes it: every few seconds on some replica, and before each SLA compliance report
 * (the reports feature calls {@link #catchUp}). Pending clocks are found through the partial index
 * {@code sla_clocks_business_pending} and claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work. A
 * clock whose calendar no longer exists gets -1 (unknown) and is left out of the business-time percentiles.
 */
@ApplicationScoped
public class ClockDurations {

    private static final Logger LOG = Logger.getLogger(ClockDurations.class);
    static final int BATCH = 1000;

    /**
     * Claims met clocks whose business time is still to be computed; served by the partial index
     * {@code sla_clocks_business_pending} (checked by {@code ScheduledQueryPlansTest}).
     */
    public static final String PENDING = ClockBatchStore.CLAIM_PENDING_DURATIONS;

    private final Pool pool;
    private final ClockBatchStore store;
    private final CalendarService calendars;

    public ClockDurations(Pool pool, ClockBatchStore store, CalendarService calendars) {
        this.pool = pool;
        this.store = store;
        this.calendars = calendars;
    }

    @Scheduled(every = "${accord.reports.clock-durations-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return catchUp().onFailure().invoke(e -> LOG.warnf("Computing business time to met failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Computes the pending clocks, batch after batch; answers how many it computed. */
    public Uni<Integer> catchUp() {
        return batch().chain(n -> n == BATCH ? catchUp().map(m -> m + n) : Uni.createFrom().item(n));
    }

    private Uni<Integer> batch() {
        return pool.withTransaction(conn -> store.claimPendingDurations(conn, BATCH)
                .chain(pending -> pending.isEmpty() ? Uni.createFrom().item(0) : load(pending).chain(cals -> {
                    UUID[] ids = new UUID[pending.size()];
                    Long[] seconds = new Long[pending.size()];
                    for (int i = 0; i < pending.size(); i++) {
                        ClockBatchStore.Pending p = pending.get(i);
                        ids[i] = p.id();
                        seconds[i] = cals.get(p.calendarKey())
                                .map(cal -> Math.max(0, cal.businessTime(p.startedAt(), p.metAt()).getSeconds()
                                        - p.pausedSeconds())).orElse(-1L);
                    }
                    return store.businessSecondsToMet(conn, ids, seconds).replaceWith(pending.size());
                })));
    }

    /** The calendars of the pending clocks, each loaded once; an unknown one is empty. */
    private Uni<Map<String, Optional<BusinessCalendar>>> load(List<ClockBatchStore.Pending> pending) {
        Set<String> keys = new LinkedHashSet<>();
        pending.forEach(p -> keys.add(p.calendarKey()));
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(k -> calendars.calendar(k).map(Optional::of)
                        .onFailure(e -> e instanceof ProblemException p && p.kind() == ProblemKind.NOT_FOUND)
                        .recoverWithItem(Optional.empty())
                        .map(c -> Map.entry(k, c)))
                .collect().in(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }
}
