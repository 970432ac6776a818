package io.accord.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes webhook deliveries for new events in the events' own transaction (the outbox), so an alert is never
 * recorded without its deliveries, nor delivered without being recorded.
 */
@ApplicationScoped
public class WebhookOutbox {

    /**
     * One pending delivery per (event, enabled subscription that wants it). A subscription wants an event when its
     * {@code eventTypes} is empty or names the event's type or (for {@code alert.created}) the alert's kind, and its
     * team and tier filters are empty or match.
     */
    public Uni<Void> enqueue(SqlConnection conn, List<Long> seqs, Instant now) {
        return conn.preparedQuery("insert into webhook_deliveries (id, webhook_id, event_seq, event_type, status, attempts, "
                        + "next_attempt_at, created_at) "
                        + "select gen_random_uuid(), w.id, e.seq, e.type, 'pending', 0, $2, $2 "
                        + "from events e join webhooks w on w.enabled "
                        + "where e.seq = any($1) "
                        + "and (cardinality(w.event_types) = 0 or e.type = any(w.event_types) "
                        + "     or (e.type = 'alert.created' and e.alert_kind = any(w.event_types))) "
                        + "and (cardinality(w.team_keys) = 0 or e.team_key = any(w.team_keys)) "
                        + "and (cardinality(w.tiers) = 0 or e.tier = any(w.tiers)) "
                        + "order by e.seq, w.id")
                .execute(Tuple.of(seqs.toArray(new Long[0]), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
