package io.accord.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns new events into webhook deliveries: the webhook feature reading the event log. Events are appended in
 * commit order, so one cursor ({@code webhook_fanout.last_seq}) says how far the log has been fanned out. A round, in
 * one transaction: lock the cursor ({@code FOR UPDATE SKIP LOCKED}, so one replica at a time; the others skip), insert
 * one pending delivery per (event after the cursor, enabled subscription that wants it), move the cursor to the last
 * event read, commit. A crash before the commit leaves the cursor where it was; the unique (webhook, event) pair makes
 * a repeated insert a no-op. So every event reaches each of its subscriptions exactly once.
 */
@ApplicationScoped
class WebhookFanout {

    /** Events per round. */
    static final int BATCH = 1000;

    static final String LOCK = "select last_seq from webhook_fanout where id = 1 for update skip locked";

    /**
     * One round's work after {@code $1} (the cursor), {@code $2} events at most; answers how many events it read.
     * A subscription wants an event when it came after the subscription ({@code after_seq}), its {@code eventTypes}
     * is empty or names the event's type or (for {@code alert.created}) the alert's kind, and its team and tier
     * filters are empty or match. Reads the events through their primary key.
     */
    static final String FAN_OUT = "with batch as (select seq, type, at, alert_kind, team_key, tier from events "
            + "where seq > $1 order by seq limit $2), "
            + "queued as (insert into webhook_deliveries (id, webhook_id, event_seq, event_type, status, attempts, "
            + "next_attempt_at, created_at) "
            + "select gen_random_uuid(), w.id, e.seq, e.type, 'pending', 0, e.at, e.at "
            + "from batch e join webhooks w on w.enabled and w.after_seq < e.seq "
            + "where (cardinality(w.event_types) = 0 or e.type = any(w.event_types) "
            + "     or (e.type = 'alert.created' and e.alert_kind = any(w.event_types))) "
            + "and (cardinality(w.team_keys) = 0 or e.team_key = any(w.team_keys)) "
            + "and (cardinality(w.tiers) = 0 or e.tier = any(w.tiers)) "
            + "order by e.seq, w.id on conflict (webhook_id, event_seq) do nothing) "
            + "update webhook_fanout set last_seq = coalesce((select max(seq) from batch), last_seq) where id = 1 "
            + "returning (select count(*) from batch) as events";

    private final Pool pool;

    WebhookFanout(Pool pool) {
        this.pool = pool;
    }

    /** Fans out every event committed so far, batch after batch; false when another replica held the cursor. */
    Uni<Boolean> catchUp() {
        return round().chain(n -> n == BATCH ? catchUp() : Uni.createFrom().item(n >= 0));
    }

    /** One round: how many events it read, or -1 when another replica holds the cursor. */
    private Uni<Integer> round() {
        return pool.withTransaction(conn -> conn.query(LOCK).execute().chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(-1);
            }
            long last = rows.iterator().next().getLong("last_seq");
            return conn.preparedQuery(FAN_OUT).execute(Tuple.of(last, BATCH))
                    .map(done -> (int) done.iterator().next().getLong("events").longValue());
        }));
    }
}
