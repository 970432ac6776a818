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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions, their secrets and their delivery log. Subscriptions are read by the fan-out and the
 * dispatcher with plain SQL, so this feature uses the reactive SQL client throughout ({@link WebhookStore},
 * {@link DeliveryStore}).
 */
@ApplicationScoped
public class WebhookService {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

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
    private final WebhookStore store;
    private final DeliveryStore deliveries;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;

    WebhookService(Pool pool, WebhookStore store, DeliveryStore deliveries, AuditLog audit, Clock clock,
            WebhookSender sender, WebhookSecrets secrets) {
        this.pool = pool;
        this.store = store;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
        this.sender = sender;
        this.secrets = secrets;
    }

    public Uni<Versioned<WebhookView>> create(WebhookRequest request, Caller caller) {
        return pool.withTransaction(conn -> create(conn, request, caller));
    }

    /** Creates on {@code conn}'s transaction (so an Idempotency-Key claim can share it); owned by {@code caller}. */
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
        return store.insert(conn, id, request.key(), settings(request), secrets.seal(id, secret),
                        secrets.currentKeyId(), actor, caller.teamKey(), now)
                .chain(row -> {
                    if (row == null) {
                        throw new ProblemException(ProblemKind.DUPLICATE,
                                "A webhook with key '" + request.key() + "' exists");
                    }
                    return audit.record(conn, now.toInstant(), actor, "webhook.created", "webhook", request.key(),
                                    "Subscribed " + WebhookUrls.redact(request.url()))
                            .replaceWith(new Versioned<>(view(row, secret), row.getLong("version")));
                });
    }

    /** The caller's own subscriptions; an admin's list has all of them. */
    public Uni<Page<WebhookView>> list(PageRequest page, Caller caller) {
        return store.page(caller.ownerFilter(), page).map(rows -> {
            List<WebhookView> views = new ArrayList<>();
            rows.forEach(r -> views.add(view(r, null)));
            return Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v);
        });
    }

    public Uni<Versioned<WebhookView>> get(String keyOrId, Caller caller) {
        return find(keyOrId, caller, "").map(row -> new Versioned<>(view(row, null), row.getLong("version")));
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
            WebhookStore.Settings settings = settings(request);
            boolean enabled = settings.enabled();
            return store.update(conn, row.getUUID("id"), settings, now)
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
            return store.delete(conn, row.getUUID("id"))
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
        return pool.withTransaction(conn -> find(conn, keyOrId, true, caller, WebhookStore.SECRET_COLUMNS).chain(row -> {
            UUID id = row.getUUID("id");
            String previous;
            try {
                previous = secrets.open(id, row.getString("secret"));
            } catch (SecretBox.OpenFailure e) {
                previous = null;    // its key is gone: the new secret signs alone, at once
            }
            return store.rotate(conn, id, secrets.seal(id, previous),
                    previous == null ? null : now.plus(ROTATION_OVERLAP), secrets.seal(id, secret),
                    secrets.currentKeyId(), now);
        })
                .call(updated -> audit.record(conn, now.toInstant(), actor, "webhook.secret_rotated", "webhook",
                        updated.getString("key"), "Rotated the signing secret; the previous one signs until "
                                + now.plus(ROTATION_OVERLAP).toInstant()))
                .map(updated -> view(updated, secret)));
    }

    public Uni<Page<DeliveryView>> deliveries(String keyOrId, String status, PageRequest page, Caller caller) {
        return find(keyOrId, caller, "").chain(row -> deliveries.page(row.getUUID("id"), status, page).map(rows -> {
            List<DeliveryView> views = new ArrayList<>();
            rows.forEach(r -> views.add(delivery(r)));
            return Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v);
        }));
    }

    /** Queues a delivery again, at once, whatever its state; the receiver deduplicates by {@code webhook-id}. */
    public Uni<DeliveryView> redeliver(String keyOrId, UUID deliveryId, Caller caller) {
        OffsetDateTime now = now();
        String actor = caller.name();
        return pool.withTransaction(conn -> find(conn, keyOrId, false, caller, "").chain(row -> deliveries
                .requeue(conn, deliveryId, row.getUUID("id"), now)
                .chain(requeued -> {
                    if (requeued == null) {
                        throw ProblemException.notFound("Delivery", deliveryId);
                    }
                    return audit.record(conn, now.toInstant(), actor, "webhook.redelivered", "webhook",
                                    row.getString("key"), "Queued delivery " + deliveryId + " again")
                            .replaceWith(delivery(requeued));
                })));
    }

    /** Sends a signed {@code webhook.ping} to the target now and reports what it answered. */
    public Uni<PingResult> ping(String keyOrId, Caller caller) {
        return find(keyOrId, caller, WebhookStore.SECRET_COLUMNS).chain(row -> {
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
        return store.find(client, keyOrId, isUuid(keyOrId), caller.ownerFilter(), lock, extraColumns).map(row -> {
            if (row == null) {
                throw ProblemException.notFound("Webhook", keyOrId);
            }
            return row;
        });
    }

    private Uni<Row> find(String keyOrId, Caller caller, String extraColumns) {
        return find(pool, keyOrId, false, caller, extraColumns);
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

    private static WebhookStore.Settings settings(WebhookRequest r) {
        return new WebhookStore.Settings(r.url().trim(), r.description(), array(r.eventTypes()), array(teamKeys(r)),
                array(tiers(r)), format(r), r.enabled() == null || r.enabled());
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
