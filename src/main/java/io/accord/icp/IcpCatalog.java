package io.accord.icp;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The active version of every ICP, compiled for evaluation and cached in memory.
 *
 * <p>Correct across replicas "at once": table {@code icp_catalog_state} holds one generation number that changes in
 * the same transaction as every change to the set of active versions (a trigger on {@code icp_versions}). Each
 * {@link #snapshot()} reads that generation with one primary-key query and reloads the whole active set only when it
 * differs from the cached one. So an evaluation that starts after an activation or retirement has committed, on any
 * replica, uses the new active set; the price is one indexed single-row read per request (or per batch).
 *
 * <p>The generation is read before the active rows: at READ COMMITTED the rows are then at least as new as the
 * generation they are labelled with, so a snapshot is never older than its label (at worst it is newer, which costs
 * one extra reload).
 *
 * <p>Both reads go straight to the reactive pool, not through Hibernate: the check runs on every evaluation, so it
 * must cost one small prepared statement and nothing else, and callers need no session. They read committed state,
 * which is what the active set is.
 */
@ApplicationScoped
class IcpCatalog {

    private static final Logger LOG = Logger.getLogger(IcpCatalog.class);

    /** One active ICP, compiled. */
    record ActiveIcp(String key, int version, CompiledIcp compiled) {

        IcpEvaluation evaluate(LeadAttributes lead) {
            return new IcpEvaluation(key, version, compiled.evaluate(lead));
        }
    }

    /** An immutable view of the active set at one generation; {@code all} is ordered by key. */
    record Snapshot(long generation, List<ActiveIcp> all, Map<String, ActiveIcp> byKey) {

        static final Snapshot NONE = new Snapshot(Long.MIN_VALUE, List.of(), Map.of());
    }

    static final String GENERATION_SQL = "select generation from icp_catalog_state where id = 1";
    static final String ACTIVE_SET_SQL = "select i.key, v.number, v.definition::text from icp_versions v "
            + "join icps i on i.id = v.icp_id where v.status = 'active'";

    private final Pool pool;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.NONE);

    IcpCatalog(Pool pool) {
        this.pool = pool;
    }

    /** The active set as committed when this is called: one primary-key read, plus a reload when it changed. */
    Uni<Snapshot> snapshot() {
        return pool.preparedQuery(GENERATION_SQL).execute().chain(rows -> {
            long generation = rows.iterator().next().getLong(0);
            Snapshot cached = current.get();
            if (cached.generation() == generation) {
                return Uni.createFrom().item(cached);
            }
            return pool.preparedQuery(ACTIVE_SET_SQL).execute().map(active -> {
                List<ActiveRow> loaded = new ArrayList<>();
                for (Row row : active) {
                    loaded.add(new ActiveRow(row.getString(0), row.getInteger(1),
                            StoredDefinitions.read(row.getString(2))));
                }
                return install(build(generation, loaded));
            });
        });
    }

    /** One version of an ICP by key and number, any status (the evidence feature's backtests); null if none. */
    Uni<IcpVersionSnapshot> version(String key, int number) {
        return pool.preparedQuery("select v.id, i.key, v.number, v.status, v.definition::text, v.edited_at "
                        + "from icps i join icp_versions v on v.icp_id = i.id where i.key = $1 and v.number = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key, number))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new IcpVersionSnapshot(r.getUUID(0), r.getString(1), r.getInteger(2), r.getString(3),
                            StoredDefinitions.read(r.getString(4)), r.getOffsetDateTime(5).toInstant());
                });
    }

    /** One row of the active set. */
    record ActiveRow(String key, int number, IcpDefinition definition) {
    }

    private Snapshot install(Snapshot loaded) {
        Snapshot kept = current.accumulateAndGet(loaded,
                (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        LOG.debugf("ICP catalog generation %d: %d active ICPs", loaded.generation(), loaded.all().size());
        // The caller asked at loaded.generation(); answer with what it loaded even if another reload won the race.
        return kept.generation() == loaded.generation() ? kept : loaded;
    }

    private static Snapshot build(long generation, List<ActiveRow> rows) {
        List<ActiveIcp> all = new ArrayList<>(rows.size());
        for (ActiveRow row : rows) {
            try {
                all.add(new ActiveIcp(row.key(), row.number(), IcpEvaluator.compile(row.definition())));
            } catch (IllegalArgumentException e) {
                // Stored versions were validated when written; this means the rules tightened since. Leave the ICP
                // out of evaluation rather than fail every request, and say so loudly.
                LOG.errorf("Active version %d of ICP '%s' is not valid under the current rules and is skipped: %s",
                        row.number(), row.key(), e.getMessage());
            }
        }
        all.sort(Comparator.comparing(ActiveIcp::key));
        Map<String, ActiveIcp> byKey = new HashMap<>();
        for (ActiveIcp icp : all) {
            byKey.put(icp.key(), icp);
        }
        return new Snapshot(generation, List.copyOf(all), Map.copyOf(byKey));
    }
}
