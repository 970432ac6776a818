package io.accord.report;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarService;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fills {@code sla_clocks.business_seconds_to_met}: the business time a met clock took, on its policy's calendar, as
 * that calendar is when the clock is processed (normally seconds after it was met). A trigger cannot run the calendar
 * engine, so the application computes it: every few seconds on some replica, and before each SLA compliance report.
 * Pending clocks are found through the partial index {@code sla_clocks_business_pending} and claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work. A clock whose calendar no longer exists gets -1 (unknown)
 * and is left out of the business-time percentiles.
 */
@ApplicationScoped
public class ClockDurations {

    private static final Logger LOG = Logger.getLogger(ClockDurations.class);
    static final int BATCH = 1000;

    /**
     * Claims met clocks whose business time is still to be computed; served by the partial index
     * {@code sla_clocks_business_pending}.
     */
    public static final String PENDING = "select id, calendar_key, started_at, met_at from sla_clocks "
            + "where status = 'met' and business_seconds_to_met is null order by met_at limit $1 "
            + "for update skip locked";

    private final Pool pool;
    private final CalendarService calendars;

    public ClockDurations(Pool pool, CalendarService calendars) {
        this.pool = pool;
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

    private record Pending(UUID id, String calendarKey, Instant startedAt, Instant metAt) {
    }

    private Uni<Integer> batch() {
        return pool.withTransaction(conn -> conn.preparedQuery(PENDING).execute(Tuple.of(BATCH))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    for (Row r : rows) {
                        pending.add(new Pending(r.getUUID("id"), r.getString("calendar_key"),
                                r.getOffsetDateTime("started_at").toInstant(), r.getOffsetDateTime("met_at").toInstant()));
                    }
                    return pending;
                })
                .chain(pending -> pending.isEmpty() ? Uni.createFrom().item(0) : load(pending).chain(cals -> {
                    UUID[] ids = new UUID[pending.size()];
                    Long[] seconds = new Long[pending.size()];
                    for (int i = 0; i < pending.size(); i++) {
                        Pending p = pending.get(i);
                        ids[i] = p.id();
                        seconds[i] = cals.get(p.calendarKey())
                                .map(cal -> cal.businessTime(p.startedAt(), p.metAt()).getSeconds()).orElse(-1L);
                    }
                    return conn.preparedQuery("update sla_clocks c set business_seconds_to_met = x.s "
                                    + "from unnest($1::uuid[], $2::bigint[]) as x(id, s) where c.id = x.id")
                            .execute(Tuple.of(ids, seconds)).replaceWith(pending.size());
                })));
    }

    /** The calendars of the pending clocks, each loaded once; an unknown one is empty. */
    private Uni<Map<String, Optional<BusinessCalendar>>> load(List<Pending> pending) {
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
