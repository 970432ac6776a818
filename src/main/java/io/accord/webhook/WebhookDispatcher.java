package io.accord.webhook;

import io.accord.alert.AlertDraft;
import io.accord.alert.AlertService;
import io.accord.alert.EventNotifications;
import io.accord.common.RoundDrain;
import io.accord.common.SecretBox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks from any replica. A round first fans new events out into deliveries ({@link WebhookFanout}), then
 * sends the due ones: a delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and leased ({@code
 * accord.webhooks.lease}, a minute) by moving its next attempt forward, then sent outside any transaction; the outcome
 * is recorded after. A replica that dies mid-delivery leaves the lease to expire, and another replica sends it again
 * (at least once). New events wake the dispatcher at once; otherwise it polls every second.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final int BATCH = 50;
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /** How soon a round runs again when another replica was fanning out (it may not have seen the newest events). */
    static final Duration FAN_OUT_RETRY = Duration.ofMillis(50);

    /** Claims due deliveries with a lease; served by the partial index {@code webhook_deliveries_due}. */
    public static final String CLAIM = DeliveryStore.CLAIM;
    /** Writes the deliveries of new events; reads the events through their primary key. */
    public static final String FAN_OUT = WebhookFanout.FAN_OUT;

    private final Pool pool;
    private final Clock clock;
    private final WebhookSender sender;
    private final AlertService alerts;
    private final EventNotifications notifications;
    private final MeterRegistry registry;
    private final WebhookSecrets secrets;
    private final WebhookFanout fanout;
    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final Duration lease;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean fanOutSkipped = new AtomicBoolean();

    WebhookDispatcher(Pool pool, Clock clock, WebhookSender sender, AlertService alerts,
            EventNotifications notifications, MeterRegistry registry, WebhookSecrets secrets, WebhookFanout fanout,
            WebhookStore webhooks, DeliveryStore deliveries, WebhookSettings config) {
        this.pool = pool;
        this.clock = clock;
        this.sender = sender;
        this.alerts = alerts;
        this.notifications = notifications;
        this.registry = registry;
        this.secrets = secrets;
        this.fanout = fanout;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.schedule = new RetrySchedule(config.retryDelays());
        this.timeout = config.timeout();
        // A lease shorter than an attempt could let a second replica send a delivery that is still on its way.
        Duration configured = config.lease();
        Duration floor = timeout.plusSeconds(5);
        this.lease = configured.compareTo(floor) < 0 ? floor : configured;
    }

    void wakeOnEvents(@Observes StartupEvent event) {
        notifications.wakeups().subscribe().with(seq -> trigger(), failure -> { });
        registry.gauge("accord.webhooks.outbox.depth", this, d -> d.depth);
    }

    private volatile double depth;

    @Scheduled(every = "${accord.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        trigger();
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measureDepth() {
        return deliveries.pendingCount().invoke(n -> depth = n).replaceWithVoid();
    }

    /**
     * Graceful shutdown (SIGTERM): claims nothing more and lets the round under way finish, so every delivery this
     * replica leased is sent and its outcome recorded before the pool closes, instead of waiting out its lease.
     * Bounded by one attempt's timeout and a margin.
     */
    void finishOnShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        if (!RoundDrain.await(running, timeout.plusSeconds(5)) && running.get()) {
            LOG.warn("Shutting down with a webhook dispatch round still running; its leased deliveries are retried "
                    + "when their lease expires");
        }
    }

    private volatile boolean stopping;

    /** Runs a dispatch round unless one is running, in which case that round goes on once more. */
    void trigger() {
        if (stopping) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        dispatchDue().subscribe().with(n -> finish(), failure -> {
            LOG.warnf("Webhook dispatch round failed: %s", failure.getMessage());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        if (again.getAndSet(false)) {
            trigger();
        } else if (fanOutSkipped.getAndSet(false)) {
            Uni.createFrom().voidItem().onItem().delayIt().by(FAN_OUT_RETRY).subscribe().with(v -> trigger());
        }
    }

    /**
     * Fans out the events committed so far, then sends everything due now, batch after batch; answers how many
     * deliveries it attempted.
     */
    public Uni<Integer> dispatchDue() {
        return fanout.catchUp()
                .invoke(done -> {
                    if (!done) {
                        fanOutSkipped.set(true);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Webhook fan-out failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .chain(this::sendDue);
    }

    private Uni<Integer> sendDue() {
        return claim().chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = claimed.stream().map(this::deliver).toList();
            return Uni.join().all(sends).andCollectFailures()
                    .chain(done -> claimed.size() == BATCH && !stopping ? sendDue().map(n -> n + BATCH) : Uni.createFrom().item(claimed.size()));
        });
    }

    private Uni<List<Claimed>> claim() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return deliveries.claim(now, now.plus(lease), BATCH)
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        List<String> signing;
                        String unreadable = null;
                        try {
                            signing = secrets.signing(r.getUUID("webhook_id"), r, now.toInstant());
                        } catch (SecretBox.OpenFailure e) {
                            signing = List.of();
                            unreadable = "cannot decrypt the signing secret: " + e.getMessage();
                        }
                        claimed.add(new Claimed(r.getUUID("id"), r.getUUID("webhook_id"), r.getString("key"),
                                r.getLong("event_seq"), r.getInteger("attempts"), r.getString("url"), r.getString("format"),
                                r.getBoolean("enabled"), signing, unreadable, r.getString("type"),
                                r.getOffsetDateTime("at").toInstant(), r.getString("data")));
                    }
                    return claimed;
                });
    }

    private Uni<Void> deliver(Claimed c) {
        if (!c.enabled()) {
            return deliveries.cancel(c.id(), "webhook disabled");
        }
        if (c.unreadable() != null) {
            LOG.warnf("Webhook %s: %s", c.webhookKey(), c.unreadable());
            return record(c, new WebhookSender.Outcome(null, c.unreadable(), 0, null));
        }
        return sender.send(c.url(), c.format(), c.secrets(), "msg_" + c.seq(), c.type(), c.eventAt(), c.data())
                .chain(outcome -> record(c, outcome));
    }

    private Uni<Void> record(Claimed c, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        String outcomeTag = outcome.delivered() ? "delivered" : outcome.statusCode() == null ? "error" : "http_" + outcome.statusCode();
        Counter.builder("accord.webhooks.deliveries").tag("outcome", outcomeTag).register(registry).increment();
        int latency = (int) outcome.latencyMs();
        if (outcome.delivered()) {
            return pool.withTransaction(conn -> deliveries.delivered(conn, c.id(), at, outcome.statusCode(), latency)
                    .chain(() -> webhooks.clearFailing(conn, c.webhookId())));
        }
        String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode();
        if (outcome.statusCode() != null && outcome.statusCode() == 410) {
            return pool.withTransaction(conn -> deliveries.failed(conn, c.id(), outcome.statusCode(), latency, error)
                    .chain(() -> disable(conn, c.webhookId(), "the endpoint answered 410 Gone", at)));
        }
        Optional<Duration> wait = schedule.next(c.attempts(), outcome.retryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
        return pool.withTransaction(conn -> {
            Uni<Void> step = wait.isPresent()
                    ? deliveries.retryAt(conn, c.id(), at.plus(wait.get()), outcome.statusCode(), latency, error)
                    : deliveries.failed(conn, c.id(), outcome.statusCode(), latency, error);
            return step.chain(() -> webhooks.markFailing(conn, c.webhookId(), at)).chain(failing -> {
                if (failing.enabled() && !failing.since().plus(GIVE_UP_AFTER).isAfter(now)) {
                    return disable(conn, c.webhookId(), "deliveries failed for 3 days", at)
                            .chain(() -> alerts.raise(conn, now, List.of(new AlertDraft.WebhookDisabled(c.webhookId(),
                                    c.webhookKey(), WebhookUrls.redact(c.url()), failing.since(), error))))
                            .replaceWithVoid();
                }
                return Uni.createFrom().voidItem();
            });
        });
    }

    /** Disables a webhook and cancels its pending deliveries. */
    private Uni<Void> disable(SqlConnection conn, UUID webhookId, String reason, OffsetDateTime at) {
        return webhooks.disable(conn, webhookId, reason, at).chain(() -> deliveries.cancelPending(conn, webhookId));
    }

    private record Claimed(UUID id, UUID webhookId, String webhookKey, long seq, int attempts, String url, String format,
            boolean enabled, List<String> secrets, String unreadable, String type, Instant eventAt, String data) {
    }
}
