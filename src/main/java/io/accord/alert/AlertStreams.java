package io.accord.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Live alert streams. Each stream replays the events after its starting point, then re-reads the events table
 * whenever a notification arrives from any replica (and every few seconds as a safety net), sending each matching
 * event once, in sequence order, with its sequence number as the SSE id. A comment heartbeat keeps idle
 * connections open and detects departed clients. A stream ends when its caller's rights do: a revoked API key or an
 * expired bearer token stops it before its next delivery or heartbeat.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class AlertStreams {

    private static final int BATCH = 500;

    private final EventFeed feed;
    private final EventNotifications notifications;
    private final EventSettings config;
    private final AtomicInteger open = new AtomicInteger();
    private final java.util.Set<Runnable> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public AlertStreams(EventFeed feed, EventNotifications notifications, EventSettings config, MeterRegistry registry) {
        this.feed = feed;
        this.notifications = notifications;
        this.config = config;
        registry.gauge("accord.sse.streams.open", open);
    }

    /**
     * Streams to {@code sink} the events after {@code after} (or from now when null) that match {@code filter}, for as
     * long as {@code allowed} answers true: it is asked before every delivery and heartbeat, and once it answers false
     * (the caller's key was revoked or its token expired) the stream sends nothing more and closes.
     */
    void open(SseEventSink sink, Sse sse, Long after, AlertFilter filter, Supplier<Uni<Boolean>> allowed) {
        if (closing) {
            // This replica is shutting down: the client reconnects (to another replica) with Last-Event-ID.
            sink.close();
            return;
        }
        // Everything a stream does runs on its request's Vert.x context, where the response may be written.
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        Uni<Long> start = after != null ? Uni.createFrom().item(after) : feed.head();
        start.emitOn(onContext).subscribe().with(from -> run(sink, sse, from, filter, allowed, onContext), failure -> sink.close());
    }

    private void run(SseEventSink sink, Sse sse, long from, AlertFilter filter, Supplier<Uni<Boolean>> allowed,
            Executor onContext) {
        AtomicLong last = new AtomicLong(from);
        AtomicReference<Cancellable> subscription = new AtomicReference<>();
        open.incrementAndGet();
        Runnable end = () -> onContext.execute(() -> {
            Cancellable c = subscription.get();
            if (c != null) {
                c.cancel();
            }
            if (!sink.isClosed()) {
                sink.close();
            }
        });
        streams.add(end);
        Multi<Boolean> triggers = Multi.createBy().merging().streams(
                        Multi.createFrom().item(Boolean.TRUE),
                        notifications.wakeups().map(seq -> Boolean.TRUE),
                        Multi.createFrom().ticks().every(config.recheck()).onOverflow().drop().map(t -> Boolean.TRUE),
                        Multi.createFrom().ticks().every(config.heartbeat()).onOverflow().drop().map(t -> Boolean.FALSE))
                .onOverflow().drop()
                .emitOn(onContext);
        Cancellable cancellable = triggers
                .onItem().transformToUniAndConcatenate(check -> allowed.get().emitOn(onContext).chain(ok -> {
                    if (!ok) {
                        return Uni.createFrom().failure(new IllegalStateException("credential ended"));
                    }
                    return check ? drain(sink, sse, filter, last, onContext) : heartbeat(sink, sse);
                }))
                .onTermination().invoke(() -> {
                    open.decrementAndGet();
                    streams.remove(end);
                    if (!sink.isClosed()) {
                        sink.close();
                    }
                })
                .subscribe().with(ignored -> {
                    if (sink.isClosed()) {
                        subscription.get().cancel();
                    }
                }, failure -> { });
        subscription.set(cancellable);
    }

    /**
     * Graceful shutdown (SIGTERM): ends every live stream at once, so that the HTTP server's wait for in-flight
     * requests is not held up by streams that never finish by themselves. Clients resume with {@code Last-Event-ID}
     * on another replica and miss nothing; streams asked for from now on are closed straight away.
     */
    void closeOnShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        closing = true;
        List.copyOf(streams).forEach(Runnable::run);
    }

    /*
     * The response is written only from the request's own context: the rows of the events query arrive on the
     * pool's event loop and a write completes on the connection's, so each step moves back (emitOn) before it
     * writes. Writing from the pool's thread left a stream stalled for good on a freshly started replica: once the
     * write queue filled during a replay, a send's completion never came, and the stream sent nothing more, not
     * even heartbeats (FaultsIT found it).
     */
    private Uni<Void> drain(SseEventSink sink, Sse sse, AlertFilter filter, AtomicLong last, Executor onContext) {
        if (sink.isClosed()) {
            return Uni.createFrom().failure(new IllegalStateException("client gone"));
        }
        return feed.after(last.get(), filter, BATCH).emitOn(onContext)
                .chain(events -> send(sink, sse, events, 0, last, onContext)
                        .chain(() -> events.size() == BATCH ? drain(sink, sse, filter, last, onContext)
                                : Uni.createFrom().voidItem()));
    }

    private Uni<Void> send(SseEventSink sink, Sse sse, List<EventView> events, int index, AtomicLong last,
            Executor onContext) {
        if (index == events.size()) {
            return Uni.createFrom().voidItem();
        }
        EventView event = events.get(index);
        OutboundSseEvent out = sse.newEventBuilder().id(event.id()).name(event.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, event.data()).build();
        return Uni.createFrom().completionStage(() -> sink.send(out)).invoke(() -> last.set(Long.parseLong(event.id())))
                .emitOn(onContext).chain(() -> send(sink, sse, events, index + 1, last, onContext));
    }

    private Uni<Void> heartbeat(SseEventSink sink, Sse sse) {
        if (sink.isClosed()) {
            return Uni.createFrom().failure(new IllegalStateException("client gone"));
        }
        return Uni.createFrom().completionStage(() -> sink.send(sse.newEventBuilder().comment("heartbeat").build()))
                .replaceWithVoid();
    }
}
