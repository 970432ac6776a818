package io.accord.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This replica's {@code LISTEN} on the event channel: every committed event, whichever replica wrote it, wakes the
 * live streams here. A wake-up only says "look again"; the events table is the truth, so a lost notification is
 * caught by the streams' periodic re-check.
 */
@ApplicationScoped
public class EventNotifications {

    private static final Logger LOG = Logger.getLogger(EventNotifications.class);

    private final BroadcastProcessor<Long> wakeups = BroadcastProcessor.create();
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public EventNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        subscriber = listen(vertx, url, user, password, seq -> wakeups.onNext(seq));
    }

    /** Opens a LISTEN connection that reconnects by itself; used per replica, and by tests as a second replica. */
    public static PgSubscriber listen(Vertx vertx, String url, String user, String password,
            java.util.function.Consumer<Long> onEvent) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(EventLog.CHANNEL).handler(payload -> {
            try {
                onEvent.accept(Long.parseLong(payload));
            } catch (NumberFormatException e) {
                LOG.debugf("Ignoring notification %s", payload);
            }
        });
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for events"),
                failure -> LOG.warnf("Could not LISTEN for events yet (%s); streams fall back to polling", failure.getMessage()));
        return subscriber;
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> { }, failure -> { });
        }
        wakeups.onComplete();
    }

    /** Sequence numbers of events committed on any replica, as they are announced. */
    public Multi<Long> wakeups() {
        return wakeups;
    }
}
