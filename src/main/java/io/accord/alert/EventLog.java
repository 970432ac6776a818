package io.accord.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The global event sequence. Events are appended inside the transaction of the change they describe, together with
 * a {@code NOTIFY} that wakes every replica's live streams and webhook fan-out when the transaction commits. A
 * transaction-level advisory lock makes sequence order equal commit order, so resuming "after N" is exact: the streams,
 * the pull feed and the webhooks (which keep their own cursor) all read the log this way. The log knows none of its
 * readers.
 */
@ApplicationScoped
public class EventLog {

    public static final String CHANNEL = "accord_events";
    /** Arbitrary, fixed advisory-lock key that serialises event appends. */
    static final long APPEND_LOCK = 0x4143434f5244L;

    /** Appends events in order and returns their sequence numbers. */
    public Uni<List<Long>> append(SqlConnection conn, Instant at, List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = drafts.size();
        String[] types = new String[n];
        UUID[] alertIds = new UUID[n];
        String[] kinds = new String[n];
        String[] statuses = new String[n];
        UUID[] leadIds = new UUID[n];
        String[] owners = new String[n];
        String[] teams = new String[n];
        String[] tiers = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            EventDraft d = drafts.get(i);
            types[i] = d.type();
            alertIds[i] = d.alertId();
            kinds[i] = d.alertKind();
            statuses[i] = d.alertStatus();
            leadIds[i] = d.leadId();
            owners[i] = d.ownerId();
            teams[i] = d.teamKey();
            tiers[i] = d.tier();
            data[i] = d.data();
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(APPEND_LOCK))
                .chain(() -> conn.preparedQuery("insert into events (type, at, alert_id, alert_kind, alert_status, lead_id, "
                                + "owner_id, team_key, tier, data) "
                                + "select t, $1, a, k, s, l, o, tm, ti, d from unnest($2::text[], $3::uuid[], "
                                + "$4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[]) "
                                + "with ordinality as x(t, a, k, s, l, o, tm, ti, d, ord) order by ord returning seq")
                        .execute(Tuple.tuple(List.of(when, types, alertIds, kinds, statuses, leadIds, owners, teams, tiers, data))))
                .map(rows -> {
                    List<Long> seqs = new ArrayList<>(n);
                    for (Row row : rows) {
                        seqs.add(row.getLong("seq"));
                    }
                    return seqs;
                })
                .call(seqs -> conn.preparedQuery("select pg_notify($1, $2)")
                        .execute(Tuple.of(CHANNEL, Long.toString(seqs.get(seqs.size() - 1)))));
    }
}
