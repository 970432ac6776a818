package io.accord.webhook;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code webhook_deliveries} table: one row per event and subscription, {@code pending} until it is
 * {@code delivered}, {@code failed} (given up) or {@code cancelled} (its webhook was disabled).
 */
@ApplicationScoped
class DeliveryStore {

    /** Claims due deliveries with a lease; served by the partial index {@code webhook_deliveries_due}. */
    static final String CLAIM = "with claimed as (update webhook_deliveries d set next_attempt_at = $2, "
            + "attempts = d.attempts + 1, last_attempt_at = $1 where d.id in (select id from webhook_deliveries "
            + "where status = 'pending' and next_attempt_at <= $1 order by next_attempt_at limit $3 "
            + "for update skip locked) returning d.id, d.webhook_id, d.event_seq, d.attempts) "
            + "select c.id, c.webhook_id, c.event_seq, c.attempts, w.key, w.url, w.format, w.enabled, w.secret, "
            + "w.previous_secret, w.previous_secret_until, w.failing_since, e.type, e.at, e.data "
            + "from claimed c join webhooks w on w.id = c.webhook_id join events e on e.seq = c.event_seq";

    private static final String VIEW_COLUMNS = "id, event_seq, event_type, status, attempts, last_status_code, "
            + "last_error, last_latency_ms, last_attempt_at, next_attempt_at, delivered_at, created_at";

    private final Pool pool;

    DeliveryStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries, each with its attempt counted and its next attempt moved to
     * {@code leaseUntil}; with their webhook (secrets included) and event.
     */
    Uni<RowSet<Row>> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(now, leaseUntil, limit));
    }

    Uni<Long> pendingCount() {
        return pool.query("select count(*) as n from webhook_deliveries where status = 'pending'").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    Uni<Void> cancel(UUID id, String reason) {
        return pool.preparedQuery("update webhook_deliveries set status = 'cancelled', next_attempt_at = null, "
                + "last_error = $2 where id = $1").execute(Tuple.of(id, reason)).replaceWithVoid();
    }

    /** Cancels the pending deliveries of a webhook that was disabled. */
    Uni<Void> cancelPending(SqlConnection conn, UUID webhookId) {
        return conn.preparedQuery("update webhook_deliveries set status = 'cancelled', next_attempt_at = null "
                + "where webhook_id = $1 and status = 'pending'").execute(Tuple.of(webhookId)).replaceWithVoid();
    }

    Uni<Void> delivered(SqlConnection conn, UUID id, OffsetDateTime at, Integer statusCode, int latencyMs) {
        return conn.preparedQuery("update webhook_deliveries set status = 'delivered', delivered_at = $2, "
                        + "next_attempt_at = null, last_status_code = $3, last_latency_ms = $4, last_error = null "
                        + "where id = $1")
                .execute(Tuple.of(id, at, statusCode, latencyMs)).replaceWithVoid();
    }

    /** An attempt failed; the next one is at {@code nextAttempt}. */
    Uni<Void> retryAt(SqlConnection conn, UUID id, OffsetDateTime nextAttempt, Integer statusCode, int latencyMs,
            String error) {
        return conn.preparedQuery("update webhook_deliveries set next_attempt_at = $2, last_status_code = $3, "
                        + "last_latency_ms = $4, last_error = $5 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, nextAttempt, statusCode, latencyMs, error)))
                .replaceWithVoid();
    }

    /** An attempt failed and there will be no other. */
    Uni<Void> failed(SqlConnection conn, UUID id, Integer statusCode, int latencyMs, String error) {
        return conn.preparedQuery("update webhook_deliveries set status = 'failed', next_attempt_at = null, "
                        + "last_status_code = $2, last_latency_ms = $3, last_error = $4 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, statusCode, latencyMs, error)))
                .replaceWithVoid();
    }

    /** One page of a webhook's deliveries in creation order, of one status when it is not null. */
    Uni<RowSet<Row>> page(UUID webhookId, String status, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(webhookId));
        StringBuilder sql = new StringBuilder("select " + VIEW_COLUMNS + " from webhook_deliveries where webhook_id = $1");
        if (status != null) {
            args.add(status);
            sql.append(" and status = $").append(args.size());
        }
        if (page.after() != null) {
            sql.append(" and ").append(Keyset.sql("created_at", "id", page.after(), args));
        }
        sql.append(" order by created_at, id limit ").append(page.fetchSize());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args));
    }

    /** Makes a delivery of the webhook pending again, due {@code at}; null when the webhook has no such delivery. */
    Uni<Row> requeue(SqlConnection conn, UUID id, UUID webhookId, OffsetDateTime at) {
        return conn.preparedQuery("update webhook_deliveries set status = 'pending', next_attempt_at = $3 "
                        + "where id = $1 and webhook_id = $2 returning " + VIEW_COLUMNS)
                .execute(Tuple.of(id, webhookId, at))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }
}
