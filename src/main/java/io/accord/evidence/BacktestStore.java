package io.accord.evidence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * The {@code icp_backtests} table: backtests and the job claims. Also the evidence feature's two declared reads of
 * lead history (read only, like the report feature's): the leads of a hand-off window, and the tier counts of an ICP's
 * recent leads.
 */
@ApplicationScoped
class BacktestStore {

    static final String COLUMNS = "id, icp_key, version_number, version_edited_at, window_from, window_to, filters, "
            + "status, lead_count, processed, result, error, attempts, claimed_by, created_at, created_by, finished_at, "
            + "expires_at";

    /** A stored backtest ({@code result} and {@code filters} as JSON text). */
    record Stored(UUID id, String icpKey, int version, Instant versionEditedAt, Instant from, Instant to,
            String filters, String status, long leads, long processed, String result, String error, int attempts,
            String claimedBy, Instant createdAt, String createdBy, Instant finishedAt, Instant expiresAt) {

        static Stored of(Row r) {
            return new Stored(r.getUUID("id"), r.getString("icp_key"), r.getInteger("version_number"),
                    instant(r, "version_edited_at"), instant(r, "window_from"), instant(r, "window_to"),
                    r.getString("filters"), r.getString("status"), r.getLong("lead_count"), r.getLong("processed"),
                    r.getString("result"), r.getString("error"), r.getInteger("attempts"), r.getString("claimed_by"),
                    instant(r, "created_at"), r.getString("created_by"), instant(r, "finished_at"),
                    instant(r, "expires_at"));
        }
    }

    /**
     * Claims the oldest due job: a queued one, or a running one whose lease ran out (its replica died). Served by the
     * partial index {@code icp_backtests_claim}.
     */
    static final String CLAIM = "select id from icp_backtests where status in ('queued', 'running') "
            + "and lease_until <= $1 order by lease_until, created_at limit 1 for update skip locked";

    /** Retention: served by {@code icp_backtests_expiry}. */
    static final String PURGE = "delete from icp_backtests where expires_at < $1";

    /** Keeps a backtest that a proposal or an approval cites: it no longer expires. */
    static final String KEEP = "update icp_backtests set expires_at = null where id = $1";

    /** The latest finished backtest of a version: served by {@code icp_backtests_latest}. */
    static final String LATEST = "select " + COLUMNS + " from icp_backtests where icp_key = $1 and version_number = $2 "
            + "and status = 'done' order by created_at desc limit 1";

    private static final String WINDOW = "from leads where handed_off_at >= $1 and handed_off_at < $2 "
            + "and erased_at is null and ($3::text is null or source = $3) and ($4::text is null or team_key = $4) "
            + "and ($5::text is null or country = $5)";

    /**
     * The leads of a window with what became of them, read with a cursor, batch after batch. Attributes are the copy
     * taken at hand-off (V21); leads handed off before that copy existed have only their current attributes.
     */
    static final String LEADS = "select coalesce(handoff_company, company), coalesce(handoff_contact, contact), "
            + "coalesce(handoff_custom, custom), fit_icp_key, fit_version, fit_score, fit_tier, "
            + "accepted_at is not null as accepted, qualified_at is not null as qualified, "
            + "coalesce(outcome = 'won', false) as won, rejected_at is not null as rejected, reject_reason, "
            + "first_touch_seconds " + WINDOW;

    static final String COUNT = "select count(*) " + WINDOW;

    /**
     * Leads and wins per recorded tier of one ICP version over a hand-off window (the drift watch); served by
     * {@code leads_fit_icp} (the ICP's leads, filtered by the window; once a week per ICP).
     */
    static final String RECENT = "select fit_tier, count(*) as leads, count(*) filter (where outcome = 'won') as won "
            + "from leads where handed_off_at >= $1 and handed_off_at < $2 and fit_icp_key = $3 and fit_version = $4 "
            + "and erased_at is null group by fit_tier";

    private final Pool pool;

    BacktestStore(Pool pool) {
        this.pool = pool;
    }

    Uni<Long> count(SqlClient client, Instant from, Instant to, BacktestRequest.Filters f) {
        return client.preparedQuery(COUNT).execute(window(from, to, f))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    static Tuple window(Instant from, Instant to, BacktestRequest.Filters f) {
        return Tuple.from(Arrays.asList(at(from), at(to), f.source(), f.teamKey(), f.country()));
    }

    Uni<Stored> insert(SqlClient client, Stored s, Instant leaseUntil) {
        return client.preparedQuery("insert into icp_backtests (id, icp_key, version_number, version_edited_at, "
                        + "window_from, window_to, filters, status, lead_count, processed, result, created_at, created_by, "
                        + "started_at, finished_at, expires_at, lease_until, claimed_by, attempts) values ($1, $2, $3, $4, $5, "
                        + "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(s.id(), s.icpKey(), s.version(), at(s.versionEditedAt()),
                        at(s.from()), at(s.to()), s.filters(), s.status(), s.leads(), s.processed(), s.result(),
                        at(s.createdAt()), s.createdBy(), "done".equals(s.status()) ? at(s.createdAt()) : null,
                        at(s.finishedAt()), at(s.expiresAt()), at(leaseUntil), s.claimedBy(), s.attempts())))
                .map(rows -> Stored.of(rows.iterator().next()));
    }

    Uni<Stored> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from icp_backtests where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : Stored.of(rows.iterator().next()));
    }

    Uni<Void> keep(UUID id) {
        return pool.preparedQuery(KEEP).execute(Tuple.of(id)).replaceWithVoid();
    }

    Uni<Stored> latest(String icpKey, int version) {
        return pool.preparedQuery(LATEST).execute(Tuple.of(icpKey, version))
                .map(rows -> rows.size() == 0 ? null : Stored.of(rows.iterator().next()));
    }

    /** Claims one due job for {@code replica} until {@code leaseUntil}; null when none is due. */
    Uni<Stored> claim(Instant now, Instant leaseUntil, String replica) {
        return pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(at(now))).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            UUID id = rows.iterator().next().getUUID("id");
            return conn.preparedQuery("update icp_backtests set status = 'running', attempts = attempts + 1, "
                            + "lease_until = $2, claimed_by = $3, started_at = coalesce(started_at, $4), processed = 0 "
                            + "where id = $1 returning " + COLUMNS)
                    .execute(Tuple.of(id, at(leaseUntil), replica, at(now)))
                    .map(updated -> Stored.of(updated.iterator().next()));
        }));
    }

    /** Records progress and extends the lease; false when the job is no longer this replica's. */
    Uni<Boolean> progress(UUID id, String replica, long processed, Instant leaseUntil) {
        return pool.preparedQuery("update icp_backtests set processed = $3, lease_until = $4 "
                        + "where id = $1 and claimed_by = $2 and status = 'running'")
                .execute(Tuple.of(id, replica, processed, at(leaseUntil)))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Boolean> finish(UUID id, String replica, long processed, String result, Instant now) {
        return pool.preparedQuery("update icp_backtests set status = 'done', processed = $3, result = $4, "
                        + "finished_at = $5, lease_until = null, error = null "
                        + "where id = $1 and claimed_by = $2 and status = 'running'")
                .execute(Tuple.of(id, replica, processed, result, at(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A failed attempt: the job is queued again at once, or failed for good after {@code maxAttempts}. */
    Uni<Void> fail(UUID id, String replica, String error, Instant now, int maxAttempts) {
        return pool.preparedQuery("update icp_backtests set status = case when attempts >= $5 then 'failed' "
                        + "else 'queued' end, error = $3, lease_until = case when attempts >= $5 then null else $4 end, "
                        + "finished_at = case when attempts >= $5 then $4 end "
                        + "where id = $1 and claimed_by = $2 and status = 'running'")
                .execute(Tuple.of(id, replica, error, at(now), maxAttempts))
                .replaceWithVoid();
    }

    Uni<Integer> purge(Instant now) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(at(now))).map(rows -> rows.rowCount());
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    Pool pool() {
        return pool;
    }
}
