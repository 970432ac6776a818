package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs the statements of one report in read-only, repeatable-read transactions that all see the same snapshot. A
 * report's aggregates (counts, per-group percentiles, overall percentiles) are independent sorts and scans, and an
 * ordered-set aggregate runs in a single process, so the statements run concurrently on their own connections: the
 * first exports its snapshot ({@code pg_export_snapshot()}) and the others import it
 * ({@code SET TRANSACTION SNAPSHOT}), so the figures agree exactly as if read in one transaction. When many reports
 * run at once on this replica the statements run one after the other on one connection instead, so reports never
 * wait on each other for pool connections.
 */
@ApplicationScoped
public class ReportReader {

    /** Reports allowed to fan out at once per replica; beyond it they run sequentially. */
    static final int MAX_CONCURRENT = 3;
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

    private final Pool pool;
    private final AtomicInteger fannedOut = new AtomicInteger();

    public ReportReader(Pool pool) {
        this.pool = pool;
    }

    /** Runs the statements concurrently, sharing one snapshot; the results in the order given. */
    public Uni<List<Object>> concurrently(List<Function<SqlConnection, Uni<?>>> parts) {
        return concurrently(conn -> Uni.createFrom().nullItem(), plan -> parts);
    }

    /**
     * Runs {@code plan} first, in the snapshot, then the statements {@code parts} makes of its answer, concurrently
     * and sharing that snapshot; the results of the statements in the order given.
     */
    public <P> Uni<List<Object>> concurrently(Function<SqlConnection, Uni<P>> plan,
            Function<P, List<Function<SqlConnection, Uni<?>>>> parts) {
        if (fannedOut.incrementAndGet() > MAX_CONCURRENT) {
            fannedOut.decrementAndGet();
            return sequentially(plan, parts);
        }
        return pool.withTransaction(first -> prepare(first, null)
                        .chain(() -> plan.apply(first))
                        .map(parts)
                        .chain(statements -> statements.size() == 1 ? inOrder(first, statements)
                                : first.query("select pg_export_snapshot()").execute()
                                        .map(rows -> rows.iterator().next().getString(0))
                                        .chain(snapshot -> fanOut(first, snapshot, statements))))
                .eventually(fannedOut::decrementAndGet);
    }

    private Uni<List<Object>> fanOut(SqlConnection first, String snapshot,
            List<Function<SqlConnection, Uni<?>>> parts) {
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("unexpected snapshot id " + snapshot);
        }
        List<Uni<Object>> all = new ArrayList<>();
        all.add(parts.get(0).apply(first).map(r -> (Object) r));
        for (Function<SqlConnection, Uni<?>> part : parts.subList(1, parts.size())) {
            all.add(pool.withTransaction(conn -> prepare(conn, snapshot).chain(() -> part.apply(conn)))
                    .map(r -> (Object) r));
        }
        return Uni.join().all(all).andFailFast().map(results -> (List<Object>) new ArrayList<>(results));
    }

    /** Runs the statements one after the other in one read-only transaction; the results in the order given. */
    public Uni<List<Object>> sequentially(List<Function<SqlConnection, Uni<?>>> parts) {
        return sequentially(conn -> Uni.createFrom().nullItem(), plan -> parts);
    }

    /** {@code plan}, then the statements {@code parts} makes of its answer, one after the other in one transaction. */
    public <P> Uni<List<Object>> sequentially(Function<SqlConnection, Uni<P>> plan,
            Function<P, List<Function<SqlConnection, Uni<?>>>> parts) {
        return pool.withTransaction(conn -> prepare(conn, null).chain(() -> inOrder(conn, plan, parts)));
    }

    /** {@code plan}, then the statements {@code parts} makes of its answer, on a connection in a transaction. */
    static <P> Uni<List<Object>> inOrder(SqlConnection conn, Function<SqlConnection, Uni<P>> plan,
            Function<P, List<Function<SqlConnection, Uni<?>>>> parts) {
        return plan.apply(conn).chain(p -> inOrder(conn, parts.apply(p)));
    }

    /** Runs the statements one after the other on a connection already in a transaction. */
    static Uni<List<Object>> inOrder(SqlConnection conn, List<Function<SqlConnection, Uni<?>>> parts) {
        return inOrder(conn, parts, 0, new ArrayList<>());
    }

    private static Uni<List<Object>> inOrder(SqlConnection conn, List<Function<SqlConnection, Uni<?>>> parts,
            int index, List<Object> results) {
        if (index == parts.size()) {
            return Uni.createFrom().item(results);
        }
        return parts.get(index).apply(conn).chain(r -> {
            results.add(r);
            return inOrder(conn, parts, index + 1, results);
        });
    }

    /**
     * Must come first in the transaction: repeatable read (with the exported snapshot, if any), as the snapshot is
     * fixed at the first statement and can be exported; read only. Then, for this transaction only: room to sort in
     * memory; no JIT compilation (it costs more than it saves on these short aggregates); and a custom plan for every
     * execution. The pool keeps prepared statements, and after five executions PostgreSQL may switch one to a generic
     * plan, made without the window's bounds. For a window of a year, that plan reads 1.5 million clocks through an
     * index in random order, which took three times as long as a sequential scan.
     */
    private static Uni<Void> prepare(SqlConnection conn, String snapshot) {
        return conn.query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> snapshot == null ? Uni.createFrom().voidItem()
                        : conn.query("set transaction snapshot '" + snapshot + "'").execute().replaceWithVoid())
                .chain(() -> conn.query(SETTINGS).execute())
                .replaceWithVoid();
    }

    /** The settings of a report transaction (one round trip; {@code is_local}: they end with the transaction). */
    static final String SETTINGS = "select set_config('work_mem', '128MB', true), set_config('jit', 'off', true), "
            + "set_config('plan_cache_mode', 'force_custom_plan', true)";
}
