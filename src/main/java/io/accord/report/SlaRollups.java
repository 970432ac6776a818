package io.accord.report;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds the monthly rollups of the SLA compliance report ({@code sla_clock_rollups}), on any number of replicas.
 *
 * <p>Every statement that changes clocks notes the UTC months of their due dates in {@code sla_rollup_changes}, in its
 * own transaction (trigger {@code sla_clocks_note_change}). A round looks at the noted months:
 * <ul>
 * <li>a month that has ended is built: its rollup rows are replaced, in one statement that also deletes the notes it
 * sees, so rows and notes come from one snapshot and a change committed meanwhile keeps its note;</li>
 * <li>a month still under way is not built (its clocks change all the time, so a report reads it from the clocks);
 * its notes are folded into one, which is enough to build it once it ends.</li>
 * </ul>
 * A month is worked on in a read-committed transaction, under a transaction-level advisory lock taken with {@code try}
 * before any statement that reads: replicas skip a month another one holds, and each statement after the lock sees
 * the previous builder's commit.
 */
@ApplicationScoped
public class SlaRollups {

    private static final Logger LOG = Logger.getLogger(SlaRollups.class);

    /** First key of the advisory locks of this class ("RLUP"); the second is the month. */
    static final int LOCK_CLASS = 0x524c5550;

    /** The months with notes, and how many; served by the index {@code sla_rollup_changes_month}. */
    public static final String NOTED =
            "select month, count(*) as notes from sla_rollup_changes group by month order by month";

    /** The dimensions rolled up: every clock column a report groups by, and the total. */
    static final List<String> DIMENSIONS;

    static {
        List<String> dims = new ArrayList<>(List.of("total"));
        Dimension.of(Dimension.Subject.CLOCKS).forEach(d -> dims.add(d.column(Dimension.Subject.CLOCKS)));
        DIMENSIONS = List.copyOf(dims);
    }

    /** Builds month $1 from the clocks due in [$3, $4), marks it built at $2 and deletes the notes it has seen. */
    public static final String BUILD = """
            with noted as (delete from sla_rollup_changes where month = $1),
            built as (insert into sla_rollup_months (month, built_at) values ($1, $2)
                      on conflict (month) do update set built_at = excluded.built_at)
            insert into sla_clock_rollups (month, dimension, key, clocks, on_time, met_late, breached, cancelled, running,
                                           paused_clocks, pauses, paused_seconds, business, wall)
            select $1, d.dimension, d.key,
            """ + SlaComplianceStatements.SLA_COUNTS + """
            ,
                coalesce(array_agg(business_seconds_to_met)
                    filter (where status = 'met' and business_seconds_to_met >= 0), '{}'),
                coalesce(array_agg(wall_seconds_to_met) filter (where status = 'met'), '{}')
            from sla_clocks c cross join lateral (values %s) d(dimension, key)
            where c.due_at >= $3 and c.due_at < $4
            group by d.dimension, d.key""".formatted(DIMENSIONS.stream()
            .map(d -> d.equals("total") ? "('total', null::text)" : "('" + d + "', c." + d + ")")
            .collect(Collectors.joining(", ")));

    /** Whether a month still has notes, once its lock is held. */
    static final String STILL_NOTED = "select exists (select 1 from sla_rollup_changes where month = $1)";

    /** Forgets the build of a month not ended (only after the clock was set back). */
    static final String UNBUILD = "with gone as (delete from sla_rollup_months where month = $1) "
            + "delete from sla_clock_rollups where month = $1";

    /** Folds the notes of a month that has not ended into one. */
    static final String FOLD = "with noted as (delete from sla_rollup_changes where month = $1) "
            + "insert into sla_rollup_changes (month) values ($1)";

    private final Pool pool;
    private final Clock clock;

    public SlaRollups(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "${accord.reports.rollup-interval}", delayed = "${accord.reports.rollup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return refresh().onFailure().invoke(e -> LOG.warnf("Building the SLA rollups failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private record Noted(LocalDate month, long notes) {
    }

    /** One round over the noted months; answers how many months it built. */
    public Uni<Integer> refresh() {
        Instant now = clock.instant();
        return pool.query(NOTED).execute()
                .map(rows -> {
                    List<Noted> noted = new ArrayList<>();
                    for (Row r : rows) {
                        noted.add(new Noted(r.getLocalDate("month"), r.getLong("notes")));
                    }
                    return noted;
                })
                .chain(noted -> Multi.createFrom().iterable(noted)
                        .onItem().transformToUniAndConcatenate(n -> work(n, now))
                        .collect().asList()
                        .map(built -> (int) built.stream().filter(b -> b).count()));
    }

    /** Builds or folds one month, unless another replica holds it; answers whether it built it. */
    private Uni<Boolean> work(Noted n, Instant now) {
        boolean ended = !start(n.month().plusMonths(1)).isAfter(now);
        if (!ended && n.notes() <= 1) {
            return Uni.createFrom().item(false);
        }
        return pool.withTransaction(conn -> conn.query("set transaction isolation level read committed").execute()
                .chain(() -> conn.preparedQuery("select pg_try_advisory_xact_lock($1, $2)")
                        .execute(Tuple.of(LOCK_CLASS, lockKey(n.month()))))
                .chain(rows -> !rows.iterator().next().getBoolean(0) ? Uni.createFrom().item(false)
                        // Another replica may have built the month since the notes were listed.
                        : conn.preparedQuery(STILL_NOTED).execute(Tuple.of(n.month()))
                                .map(r -> r.iterator().next().getBoolean(0)))
                .chain(go -> !go ? Uni.createFrom().item(false)
                        : ended ? build(conn, n.month(), now).replaceWith(true)
                        : run(conn, UNBUILD, n.month()).chain(() -> run(conn, FOLD, n.month())).replaceWith(false)));
    }

    private static Uni<Void> build(SqlConnection conn, LocalDate month, Instant now) {
        return conn.preparedQuery("delete from sla_clock_rollups where month = $1").execute(Tuple.of(month))
                .chain(() -> conn.preparedQuery(BUILD).execute(Tuple.of(month, now.atOffset(ZoneOffset.UTC),
                        start(month).atOffset(ZoneOffset.UTC), start(month.plusMonths(1)).atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static Uni<Void> run(SqlConnection conn, String sql, LocalDate month) {
        return conn.preparedQuery(sql).execute(Tuple.of(month)).replaceWithVoid();
    }

    /** The instant a UTC month (or day) starts. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A month as a number that fits the advisory lock's second key. */
    static int lockKey(LocalDate month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
