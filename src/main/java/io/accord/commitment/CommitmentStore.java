package io.accord.commitment;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code commitments} table, as {@link Commitment} rows; the checker's claim and bookkeeping included. */
@ApplicationScoped
class CommitmentStore {

    /** Claims commitments whose next check has come; served by the index {@code commitments_due}. */
    static final String CLAIM = "select " + Commitment.COLUMNS + " from commitments "
            + "where next_check_at <= $1 order by next_check_at limit $2 for update skip locked";

    /** What a commitment is set to, with its calendar's id resolved. */
    record Settings(String name, String teamKey, String period, UUID calendarId, String calendarKey, String metric,
            String minTier, String icpKey, Integer target, LocalDate startsOn) {

        static Settings of(CommitmentRequest r, UUID calendarId) {
            return new Settings(r.name().trim(), r.teamKey(), r.period(), calendarId, r.calendarKey(), r.metric(),
                    r.minTier(), r.icpKey(), r.target(), r.startsOn());
        }
    }

    private final Pool pool;

    CommitmentStore(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a commitment, checked first at {@code now}; null when its key is taken. */
    Uni<Commitment> insert(SqlConnection conn, String key, Settings s, Instant now, String actor) {
        return conn.preparedQuery("insert into commitments (id, key, name, team_key, "
                        + "period, calendar_id, calendar_key, metric, min_tier, icp_key, target, starts_on, "
                        + "closed_through, next_check_at, created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, "
                        + "$6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14, $13) on conflict (key) do nothing returning "
                        + Commitment.COLUMNS)
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), key, s.name(), s.teamKey(), s.period(),
                        s.calendarId(), s.calendarKey(), s.metric(), s.minTier(), s.icpKey(), s.target(), s.startsOn(),
                        now.atOffset(ZoneOffset.UTC), actor)))
                .map(rows -> rows.size() == 0 ? null : Commitment.of(rows.iterator().next()));
    }

    /** One page in creation order; {@code page.fetchSize()} rows at most. */
    Uni<List<Commitment>> page(PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (page.after() != null) {
            where = " where " + Keyset.sql("created_at", "id", page.after(), args);
        }
        return pool.preparedQuery("select " + Commitment.COLUMNS + " from commitments" + where
                + " order by created_at, id limit " + page.fetchSize()).execute(Tuple.from(args))
                .map(CommitmentStore::commitments);
    }

    /** The oldest {@code limit} commitments. */
    Uni<List<Commitment>> oldest(int limit) {
        return pool.preparedQuery("select " + Commitment.COLUMNS + " from commitments order by created_at, id limit "
                + limit).execute().map(CommitmentStore::commitments);
    }

    /** The commitment with this key (or id), or null; {@code forUpdate} locks it in {@code client}'s transaction. */
    Uni<Commitment> find(SqlClient client, String keyOrId, boolean forUpdate) {
        UUID id = null;
        try {
            id = UUID.fromString(keyOrId);
        } catch (IllegalArgumentException e) {
            // a key
        }
        String sql = "select " + Commitment.COLUMNS + " from commitments where " + (id != null ? "id = $1" : "key = $1")
                + (forUpdate ? " for update" : "");
        return client.preparedQuery(sql).execute(Tuple.of(id != null ? id : keyOrId))
                .map(rows -> rows.size() == 0 ? null : Commitment.of(rows.iterator().next()));
    }

    Uni<Commitment> find(String keyOrId) {
        return find(pool, keyOrId, false);
    }

    /** Changes the settings; the next check is due at once ({@code now}). */
    Uni<Commitment> update(SqlConnection conn, UUID id, Settings s, Instant now) {
        return conn.preparedQuery("update commitments set name = $2, team_key = $3, period = $4, "
                        + "calendar_id = $5, calendar_key = $6, metric = $7, min_tier = $8, icp_key = $9, "
                        + "target = $10, starts_on = $11, next_check_at = $12, updated_at = $12, "
                        + "version = version + 1 where id = $1 returning " + Commitment.COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, s.name(), s.teamKey(), s.period(), s.calendarId(),
                        s.calendarKey(), s.metric(), s.minTier(), s.icpKey(), s.target(), s.startsOn(),
                        now.atOffset(ZoneOffset.UTC))))
                .map(rows -> Commitment.of(rows.iterator().next()));
    }

    Uni<Void> delete(SqlConnection conn, UUID id) {
        return conn.preparedQuery("delete from commitments where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Locks up to {@code limit} commitments whose next check has come, skipping those another replica holds. */
    Uni<List<Commitment>> claimDue(SqlConnection conn, Instant now, int limit) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(CommitmentStore::commitments);
    }

    /** After a check: periods closed through {@code closedThrough} are settled; the next check is at {@code next}. */
    Uni<Void> checked(SqlConnection conn, UUID id, Instant closedThrough, Instant next) {
        return conn.preparedQuery("update commitments set closed_through = $2, next_check_at = $3 where id = $1")
                .execute(Tuple.of(id, closedThrough.atOffset(ZoneOffset.UTC), next.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static List<Commitment> commitments(RowSet<Row> rows) {
        List<Commitment> out = new ArrayList<>();
        rows.forEach(r -> out.add(Commitment.of(r)));
        return out;
    }
}
