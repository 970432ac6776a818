package io.accord.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stored API keys as authentication sees them, from memory where that is safe. Valid keys (by the hash of their
 * secret) and recently failed hashes are cached, bounded and with a TTL as a safety net. Every change to a key on any
 * replica reaches this replica at once through {@code LISTEN accord_api_keys} (a trigger sends the {@code NOTIFY},
 * migration V13) and drops that key. While the listener is not connected the cache is bypassed, and when it
 * (re)connects the whole cache is cleared, because notifications may have been missed in between.
 */
@ApplicationScoped
class ApiKeyCache {

    static final String CHANNEL = "accord_api_keys";
    static final String LISTENER_NAME = "accord-api-key-listener";
    private static final Logger LOG = Logger.getLogger(ApiKeyCache.class);

    /** What authentication needs of a stored, unrevoked key. */
    record ActiveKey(UUID id, String name, List<String> roles, String teamKey) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final PgConnectOptions listenOptions;
    private final Cache<String, ActiveKey> valid;
    private final Cache<String, Boolean> failed;
    private final Cache<UUID, Boolean> active;
    private final Counter lookups;
    /** Bumped by every invalidation, so a lookup that raced with one does not put a stale answer back. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private PgSubscriber subscriber;

    ApiKeyCache(Pool pool, Vertx vertx, AuthSettings auth, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.pool = pool;
        this.vertx = vertx;
        this.listenOptions = PgConnectOptions.fromUri(url).setUser(user).setPassword(password)
                .addProperty("application_name", LISTENER_NAME);
        this.valid = Caffeine.newBuilder().maximumSize(auth.cacheSize()).expireAfterWrite(auth.cacheTtl()).build();
        this.active = Caffeine.newBuilder().maximumSize(auth.cacheSize()).expireAfterWrite(auth.cacheTtl()).build();
        this.failed = Caffeine.newBuilder().maximumSize(auth.failedCacheSize()).expireAfterWrite(auth.failedCacheTtl()).build();
        this.lookups = Counter.builder("accord.auth.lookups")
                .description("API key lookups that reached the database").register(registry);
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, listenOptions).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(() -> {
                    clear();
                    listening = true;
                    LOG.debug("Listening for API key changes; cache cleared");
                })
                .handler(this::changed);
        subscriber.connect().subscribe().with(ok -> { },
                failure -> LOG.warnf("Could not LISTEN for API key changes yet (%s); keys are read from the database",
                        failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        listening = false;
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** The active key with this secret hash (hex), or empty; answered from memory when possible. */
    Uni<Optional<ActiveKey>> find(String hash) {
        boolean trusted = trusted();
        if (trusted) {
            ActiveKey hit = valid.getIfPresent(hash);
            if (hit != null) {
                return Uni.createFrom().item(Optional.of(hit));
            }
            if (failed.getIfPresent(hash) != null) {
                return Uni.createFrom().item(Optional.empty());
            }
        }
        long seen = generation.get();
        lookups.increment();
        return pool.preparedQuery("select id, name, roles, team_key from api_keys where key_hash = $1 and revoked_at is null")
                .execute(Tuple.of(hash))
                .map(rows -> {
                    Optional<ActiveKey> key = rows.size() == 0 ? Optional.empty() : Optional.of(of(rows.iterator().next()));
                    if (trusted && generation.get() == seen) {
                        key.ifPresentOrElse(k -> {
                            valid.put(hash, k);
                            active.put(k.id(), Boolean.TRUE);
                        }, () -> failed.put(hash, Boolean.TRUE));
                    }
                    return key;
                });
    }

    /** Whether the key with this secret hash is known to be valid, from memory only (no database query). */
    boolean knownValid(String hash) {
        return trusted() && valid.getIfPresent(hash) != null;
    }

    /** Whether the key with this id exists and is not revoked; answered from memory when possible. */
    Uni<Boolean> isActive(UUID id) {
        boolean trusted = trusted();
        if (trusted && active.getIfPresent(id) != null) {
            return Uni.createFrom().item(Boolean.TRUE);
        }
        long seen = generation.get();
        lookups.increment();
        return pool.preparedQuery("select 1 from api_keys where id = $1 and revoked_at is null").execute(Tuple.of(id))
                .map(rows -> {
                    boolean isActive = rows.size() > 0;
                    if (isActive && trusted && generation.get() == seen) {
                        active.put(id, Boolean.TRUE);
                    }
                    return isActive;
                });
    }

    /** A notification {@code "<id> <hash>"}: that key changed somewhere, forget what we know about it. */
    void changed(String payload) {
        generation.incrementAndGet();
        String[] parts = payload.split(" ", 2);
        try {
            active.invalidate(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            LOG.debugf("Unexpected API key notification %s; clearing the cache", payload);
            clear();
            return;
        }
        if (parts.length == 2) {
            valid.invalidate(parts[1]);
            failed.invalidate(parts[1]);
        } else {
            clear();
        }
    }

    void clear() {
        generation.incrementAndGet();
        valid.invalidateAll();
        failed.invalidateAll();
        active.invalidateAll();
    }

    /** The cache may be used only while this replica is listening: otherwise a revocation could be missed. */
    private boolean trusted() {
        if (!listening) {
            return false;
        }
        if (subscriber == null || subscriber.getDelegate().actualConnection() == null) {
            // Lost the listener: trust nothing until it is back (its subscribe handler clears the cache first).
            listening = false;
            clear();
            return false;
        }
        return true;
    }

    private static ActiveKey of(Row row) {
        return new ActiveKey(row.getUUID("id"), row.getString("name"), Arrays.asList(row.getArrayOfStrings("roles")),
                row.getString("team_key"));
    }
}
