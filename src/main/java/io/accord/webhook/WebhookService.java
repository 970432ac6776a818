package io.accord.webhook;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.SecretBox;
import io.accord.common.Versioned;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions, their secrets and their delivery log. Subscriptions are read by the fan-out and the
 * dispatcher with plain SQL, so this feature uses the reactive SQL client throughout.
 */
@ApplicationScoped
public class WebhookService {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    static final String COLUMNS = "id, key, url, description, event_types, team_keys, tiers, format, enabled, "
            + "disabled_reason, failing_since, owner, owner_team, created_at, updated_at, version";
    static final String SECRET_COLUMNS = "secret, previous_secret, previous_secret_until";

    /**
     * Who is asking: the principal's stable name, whether it is an admin, and its team (an API key's teamKey). A
     * subscription belongs to its creator; only the owner or an admin sees or manages it.
     */
    public record Caller(String name, boolean admin, String teamKey) {
        /** The owner to filter by, or null for an admin, who sees every subscription. */
        String ownerFilter() {
            return admin ? null : name;
        }
    }

    private final Pool pool;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;

    public WebhookService(Pool pool, AuditLog audit, Clock clock, WebhookSender sender, WebhookSecrets secrets) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
        this.sender = sender;
        this.secrets = secrets;
    }

    public Uni<Versioned<WebhookView>> create(WebhookRequest request, Caller caller) {
        return pool.withTransaction(conn -> create(conn, request, caller));
    }

    /**
     * Creates on {@code conn}'s transaction (so an Idempotency-Key claim can share it); owned by {@code caller}. It
     * gets the events after the newest one committed now, as it did from the outbox, whose events' own transactions
     * saw only subscriptions committed before them.
     */
    public Uni<Versioned<WebhookView>> create(SqlConnection conn, WebhookRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>(check(request));
        if (request.key() == null || request.key().isBlank()) {
            errors.add(0, new FieldError("key", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String secret = WebhookSigner.newSecret();
        OffsetDateTime now = now();
        UUID id = UUID.randomUUID();
        String actor = caller.name();
        return conn.preparedQuery("insert into webhooks (id, key, url, description, event_types, team_keys, tiers, "
                                + "format, enabled, secret, secrets_key_id, owner, owner_team, created_at, created_by, "
                                + "updated_at, after_seq) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                                + "$14, $12, $14, (select coalesce(max(seq), 0) from events)) "
                                + "on conflict (key) do nothing returning " + COLUMNS)
                        .execute(Tuple.from(Arrays.asList(id, request.key(), request.url().trim(),
                                request.description(), array(request.eventTypes()), array(teamKeys(request)),
                                array(tiers(request)), format(request), request.enabled() == null || request.enabled(),
                                secrets.seal(id, secret), secrets.currentKeyId(), actor, caller.teamKey(), now)))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw new ProblemException(ProblemKind.DUPLICATE,
                                        "A webhook with key '" + request.key() + "' exists");
                            }
                            Row row = rows.iterator().next();
                            return audit.record(conn, now.toInstant(), actor, "webhook.created", "webhook", request.key(),
                                            "Subscribed " + WebhookUrls.redact(request.url()))
                                    .replaceWith(new Versioned<>(view(row, secret), row.getLong("version")));
                        });
    }

    /** The caller's own subscriptions; an admin's list has all of them. */
    public Uni<Page<WebhookView>> list(PageRequest page, Caller caller) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (caller.ownerFilter() != null) {
            args.add(caller.ownerFilter());
            conditions.add("owner = $1");
        }
        if (page.after() != null) {
            args.add(page.after().createdAt().atOffset(ZoneOffset.UTC));
            args.add(page.after().id());
            int at = args.size() - 1;
            conditions.add("(created_at > $" + at + " or (created_at = $" + at + " and id > $" + (at + 1) + "))");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return pool.preparedQuery("select " + COLUMNS + " from webhooks" + where + " order by created_at, id limit "
                        + page.fetchSize()).execute(Tuple.from(args))
                .map(rows -> {
                    List<WebhookView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(view(r, null)));
                    return Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v);
                });
    }

    public Uni<Versioned<WebhookView>> get(String keyOrId, Caller caller) {
        return find(pool, keyOrId, false, caller, "").map(row -> new Versioned<>(view(row, null), row.getLong("version")));
    }

    public Uni<Versioned<WebhookView>> update(String keyOrId, WebhookRequest request, String ifMatch, Caller caller) {
        List<FieldError> errors = check(request);
        OffsetDateTime now = now();
        String actor = caller.name();
        return pool.withTransaction(conn -> find(conn, keyOrId, true, caller, "").chain(row -> {
            ETags.require(ifMatch, row.getLong("version"));
            List<FieldError> all = new ArrayList<>(errors);
            if (request.key() != null && !request.key().equals(row.getString("key"))) {
                all.add(0, new FieldError("key", "cannot change"));
            }
            if (!all.isEmpty()) {
                throw ProblemException.validation(all);
            }
            boolean enabled = request.enabled() == null || request.enabled();
            return conn.preparedQuery("update webhooks set url = $2, description = $3, event_types = $4, team_keys = $5, "
                            + "tiers = $6, format = $7, enabled = $8, disabled_reason = case when $8 then null else "
                            + "coalesce(disabled_reason, 'disabled by a user') end, failing_since = case when $8 and not enabled "
                            + "then null else failing_since end, updated_at = $9, version = version + 1 where id = $1 returning "
                            + COLUMNS)
                    .execute(Tuple.from(Arrays.asList(row.getUUID("id"), request.url().trim(), request.description(),
                            array(request.eventTypes()), array(teamKeys(request)), array(tiers(request)), format(request),
                            enabled, now)))
                    .map(rows -> rows.iterator().next())
                    .call(updated -> audit.record(conn, now.toInstant(), actor, "webhook.updated", "webhook",
                            updated.getString("key"), "Changed webhook to " + WebhookUrls.redact(request.url())
                                    + (enabled ? "" : " (disabled)")))
                    .map(updated -> new Versioned<>(view(updated, null), updated.getLong("version")));
        }));
    }

    public Uni<Void> delete(String keyOrId, String ifMatch, Caller caller) {
        OffsetDateTime now = now();
        String actor = caller.name();
        return pool.withTransaction(conn -> find(conn, keyOrId, true, caller, "").chain(row -> {
            ETags.require(ifMatch, row.getLong("version"));
            return conn.preparedQuery("delete from webhooks where id = $1").execute(Tuple.of(row.getUUID("id")))
                    .call(() -> audit.record(conn, now.toInstant(), actor, "webhook.deleted", "webhook",
                            row.getString("key"), "Deleted webhook to " + WebhookUrls.redact(row.getString("url"))))
                    .replaceWithVoid();
        }));
    }

    /** Issues a new secret; the old one keeps signing (as a second signature) for 24 hours. */
    public Uni<WebhookView> rotateSecret(String keyOrId, Caller caller) {
        String secret = WebhookSigner.newSecret();
        OffsetDateTime now = now();
        String actor = caller.name();
        return pool.withTransaction(conn -> find(conn, keyOrId, true, caller, SECRET_COLUMNS).chain(row -> {
            UUID id = row.getUUID("id");
            String previous;
            try {
                previous = secrets.open(id, row.getString("secret"));
            } catch (SecretBox.OpenFailure e) {
                previous = null;    // its key is gone: the new secret signs alone, at once
            }
            return conn.preparedQuery("update webhooks set previous_secret = $2, previous_secret_until = $3, secret = $4, "
                            + "secrets_key_id = $5, updated_at = $6, version = version + 1 where id = $1 returning " + COLUMNS)
                    .execute(Tuple.from(Arrays.asList(id, secrets.seal(id, previous),
                            previous == null ? null : now.plus(ROTATION_OVERLAP), secrets.seal(id, secret),
                            secrets.currentKeyId(), now)));
        }).map(rows -> rows.iterator().next())
                .call(updated -> audit.record(conn, now.toInstant(), actor, "webhook.secret_rotated", "webhook",
                        updated.getString("key"), "Rotated the signing secret; the previous one signs until "
                                + now.plus(ROTATION_OVERLAP).toInstant()))
                .map(updated -> view(updated, secret)));
    }

    public Uni<Page<DeliveryView>> deliveries(String keyOrId, String status, PageRequest page, Caller caller) {
        return find(pool, keyOrId, false, caller, "").chain(row -> {
            List<Object> args = new ArrayList<>(List.of(row.getUUID("id")));
            StringBuilder sql = new StringBuilder("select id, event_seq, event_type, status, attempts, last_status_code, "
                    + "last_error, last_latency_ms, last_attempt_at, next_attempt_at, delivered_at, created_at "
                    + "from webhook_deliveries where webhook_id = $1");
            if (status != null) {
                args.add(status);
                sql.append(" and status = $").append(args.size());
            }
            if (page.after() != null) {
                args.add(page.after().createdAt().atOffset(ZoneOffset.UTC));
                int at = args.size();
                args.add(page.after().id());
                sql.append(" and (created_at > $").append(at).append(" or (created_at = $").append(at)
                        .append(" and id > $").append(at + 1).append("))");
            }
            sql.append(" order by created_at, id limit ").append(page.fetchSize());
            return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
                List<DeliveryView> views = new ArrayList<>();
                rows.forEach(r -> views.add(delivery(r)));
                return Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v);
            });
        });
    }

    /** Queues a delivery again, at once, whatever its state; the receiver deduplicates by {@code webhook-id}. */
    public Uni<DeliveryView> redeliver(String keyOrId, UUID deliveryId, Caller caller) {
        OffsetDateTime now = now();
        String actor = caller.name();
        return pool.withTransaction(conn -> find(conn, keyOrId, false, caller, "").chain(row -> conn
                .preparedQuery("update webhook_deliveries set status = 'pending', next_attempt_at = $3 "
                        + "where id = $1 and webhook_id = $2 returning id, event_seq, event_type, status, attempts, "
                        + "last_status_code, last_error, last_latency_ms, last_attempt_at, next_attempt_at, delivered_at, created_at")
                .execute(Tuple.of(deliveryId, row.getUUID("id"), now))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Delivery", deliveryId);
                    }
                    return audit.record(conn, now.toInstant(), actor, "webhook.redelivered", "webhook",
                                    row.getString("key"), "Queued delivery " + deliveryId + " again")
                            .replaceWith(delivery(rows.iterator().next()));
                })));
    }

    /** Sends a signed {@code webhook.ping} to the target now and reports what it answered. */
    public Uni<PingResult> ping(String keyOrId, Caller caller) {
        return find(pool, keyOrId, false, caller, SECRET_COLUMNS).chain(row -> {
            Instant now = clock.instant();
            List<String> signing;
            try {
                signing = secrets.signing(row.getUUID("id"), row, now);
            } catch (SecretBox.OpenFailure e) {
                return Uni.createFrom().item(new PingResult(false, null, 0, "cannot decrypt the signing secret: "
                        + e.getMessage()));
            }
            String data = "{\"message\":\"ping from Accord\",\"at\":\"" + now + "\"}";
            return sender.send(row.getString("url"), "standard", signing, "msg_ping_" + UUID.randomUUID(),
                            "webhook.ping", now, data)
                    .map(o -> new PingResult(o.delivered(), o.statusCode(), o.latencyMs(), o.error()));
        });
    }

    /**
     * The subscription {@code keyOrId} as {@code caller} may see it: someone else's is as missing as one that does not
     * exist (404), so its existence is not revealed.
     */
    private Uni<Row> find(SqlClient client, String keyOrId, boolean lock, Caller caller, String extraColumns) {
        String sql = "select " + COLUMNS + (extraColumns.isEmpty() ? "" : ", " + extraColumns) + " from webhooks where "
                + (isUuid(keyOrId) ? "id = $1::uuid" : "key = $1") + " and ($2::text is null or owner = $2)"
                + (lock ? " for update" : "");
        return client.preparedQuery(sql).execute(Tuple.of(keyOrId, caller.ownerFilter())).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Webhook", keyOrId);
            }
            return rows.iterator().next();
        });
    }

    private List<FieldError> check(WebhookRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.url() != null) {
            sender.refusal(request.url().trim()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        return errors;
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }

    private static List<String> teamKeys(WebhookRequest r) {
        return r.filters() == null ? null : r.filters().teamKeys();
    }

    private static List<String> tiers(WebhookRequest r) {
        return r.filters() == null ? null : r.filters().tiers();
    }

    private static String format(WebhookRequest r) {
        return r.format() == null ? "standard" : r.format();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static WebhookView view(Row r, String secret) {
        return new WebhookView(r.getUUID("id"), r.getString("key"), r.getString("url"), r.getString("description"),
                List.of(r.getArrayOfStrings("event_types")),
                new WebhookRequest.Filters(List.of(r.getArrayOfStrings("team_keys")), List.of(r.getArrayOfStrings("tiers"))),
                r.getString("format"), r.getBoolean("enabled"), r.getString("disabled_reason"),
                instant(r, "failing_since"), r.getString("owner"), r.getString("owner_team"), instant(r, "created_at"),
                instant(r, "updated_at"), secret);
    }

    static DeliveryView delivery(Row r) {
        return new DeliveryView(r.getUUID("id"), Long.toString(r.getLong("event_seq")), r.getString("event_type"),
                r.getString("status"), r.getInteger("attempts"), r.getInteger("last_status_code"),
                r.getString("last_error"), r.getInteger("last_latency_ms"), instant(r, "last_attempt_at"),
                instant(r, "next_attempt_at"), instant(r, "delivered_at"), instant(r, "created_at"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
