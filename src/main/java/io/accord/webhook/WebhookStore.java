package io.accord.webhook;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code webhooks} table: subscriptions as rows of {@link #COLUMNS} (plus {@link #SECRET_COLUMNS} where the
 * secrets are needed), and the dispatcher's failure bookkeeping. Secrets arrive here sealed.
 */
@ApplicationScoped
class WebhookStore {

    static final String COLUMNS = "id, key, url, description, event_types, team_keys, tiers, format, enabled, "
            + "disabled_reason, failing_since, owner, owner_team, created_at, updated_at, version";
    static final String SECRET_COLUMNS = "secret, previous_secret, previous_secret_until";

    /** What a subscription is set to: target, filters, format and whether it is enabled. */
    record Settings(String url, String description, String[] eventTypes, String[] teamKeys, String[] tiers,
            String format, boolean enabled) {
    }

    private final Pool pool;

    WebhookStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts a subscription unless its key is taken (then null). It gets the events after the newest one committed
     * now ({@code after_seq}), as it would have from the outbox: the events' own transactions saw only subscriptions
     * committed before them.
     */
    Uni<Row> insert(SqlConnection conn, UUID id, String key, Settings s, String sealedSecret, String keyId,
            String owner, String ownerTeam, OffsetDateTime now) {
        return conn.preparedQuery("insert into webhooks (id, key, url, description, event_types, team_keys, tiers, "
                        + "format, enabled, secret, secrets_key_id, owner, owner_team, created_at, created_by, "
                        + "updated_at, after_seq) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
                        + "$12, $14, (select coalesce(max(seq), 0) from events)) "
                        + "on conflict (key) do nothing returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, key, s.url(), s.description(), s.eventTypes(), s.teamKeys(),
                        s.tiers(), s.format(), s.enabled(), sealedSecret, keyId, owner, ownerTeam, now)))
                .map(WebhookStore::first);
    }

    /** One page in creation order, only {@code owner}'s when it is not null; {@code page.fetchSize()} rows at most. */
    Uni<RowSet<Row>> page(String owner, PageRequest page) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (owner != null) {
            args.add(owner);
            conditions.add("owner = $1");
        }
        if (page.after() != null) {
            conditions.add(Keyset.sql("created_at", "id", page.after(), args));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return pool.preparedQuery("select " + COLUMNS + " from webhooks" + where + " order by created_at, id limit "
                + page.fetchSize()).execute(Tuple.from(args));
    }

    /**
     * The subscription by key or id ({@code byId}), only if {@code owner} (when not null) owns it; null otherwise.
     * {@code lock} locks its row in {@code client}'s transaction.
     */
    Uni<Row> find(SqlClient client, String keyOrId, boolean byId, String owner, boolean lock, String extraColumns) {
        String sql = "select " + COLUMNS + (extraColumns.isEmpty() ? "" : ", " + extraColumns) + " from webhooks where "
                + (byId ? "id = $1::uuid" : "key = $1") + " and ($2::text is null or owner = $2)"
                + (lock ? " for update" : "");
        return client.preparedQuery(sql).execute(Tuple.of(keyOrId, owner)).map(WebhookStore::first);
    }

    Uni<Row> find(String keyOrId, boolean byId, String owner, String extraColumns) {
        return find(pool, keyOrId, byId, owner, false, extraColumns);
    }

    /**
     * Changes the settings. Disabling keeps (or sets) a reason; re-enabling clears it and the failure clock.
     */
    Uni<Row> update(SqlConnection conn, UUID id, Settings s, OffsetDateTime now) {
        return conn.preparedQuery("update webhooks set url = $2, description = $3, event_types = $4, team_keys = $5, "
                        + "tiers = $6, format = $7, enabled = $8, disabled_reason = case when $8 then null else "
                        + "coalesce(disabled_reason, 'disabled by a user') end, failing_since = case when $8 and not enabled "
                        + "then null else failing_since end, updated_at = $9, version = version + 1 where id = $1 returning "
                        + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, s.url(), s.description(), s.eventTypes(), s.teamKeys(), s.tiers(),
                        s.format(), s.enabled(), now)))
                .map(WebhookStore::first);
    }

    Uni<Void> delete(SqlConnection conn, UUID id) {
        return conn.preparedQuery("delete from webhooks where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Stores a new sealed secret and the previous one with the end of its overlap. */
    Uni<Row> rotate(SqlConnection conn, UUID id, String sealedPrevious, OffsetDateTime previousUntil,
            String sealedSecret, String keyId, OffsetDateTime now) {
        return conn.preparedQuery("update webhooks set previous_secret = $2, previous_secret_until = $3, secret = $4, "
                        + "secrets_key_id = $5, updated_at = $6, version = version + 1 where id = $1 returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, sealedPrevious, previousUntil, sealedSecret, keyId, now)))
                .map(WebhookStore::first);
    }

    /** A delivery got through: the webhook is no longer failing. */
    Uni<Void> clearFailing(SqlConnection conn, UUID id) {
        return conn.preparedQuery("update webhooks set failing_since = null where id = $1 and failing_since is not null")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** A delivery failed: the webhook is failing since {@code at} unless it already was; answers since when. */
    Uni<Failing> markFailing(SqlConnection conn, UUID id, OffsetDateTime at) {
        return conn.preparedQuery("update webhooks set failing_since = coalesce(failing_since, $2) where id = $1 "
                        + "returning failing_since, enabled").execute(Tuple.of(id, at))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Failing(r.getOffsetDateTime("failing_since").toInstant(), r.getBoolean("enabled"));
                });
    }

    /** Since when a webhook fails, and whether it is still enabled. */
    record Failing(java.time.Instant since, boolean enabled) {
    }

    Uni<Void> disable(SqlConnection conn, UUID id, String reason, OffsetDateTime at) {
        return conn.preparedQuery("update webhooks set enabled = false, disabled_reason = $2, updated_at = $3, "
                + "version = version + 1 where id = $1").execute(Tuple.of(id, reason, at)).replaceWithVoid();
    }

    private static Row first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next();
    }
}
