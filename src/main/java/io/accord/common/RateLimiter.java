package io.accord.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per principal (per client address when anonymous) in front of every API operation. Limits are per
 * replica; a refusal is a 429 problem with {@code Retry-After}. The buckets hold no business state.
 */
@ApplicationScoped
public class RateLimiter {

    private final AccordConfig config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    CurrentIdentityAssociation identities;

    public RateLimiter(AccordConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Void> limit(HttpServerRequest request) {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            check(keyOf(identity, request), System.nanoTime());
            return null;
        });
    }

    void check(String key, long nowNanos) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(config.rateLimit().burst(), nowNanos));
        long waitNanos = bucket.take(config.rateLimit().burst(), config.rateLimit().requestsPerSecond(), nowNanos);
        if (waitNanos > 0) {
            long seconds = TokenBucket.retryAfterSeconds(waitNanos);
            throw new ProblemException(ProblemKind.RATE_LIMITED,
                    "Rate limit of " + config.rateLimit().requestsPerSecond() + " requests per second exceeded; retry in "
                            + seconds + " s",
                    java.util.List.of(), Map.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private static String keyOf(SecurityIdentity identity, HttpServerRequest request) {
        if (identity == null || identity.isAnonymous()) {
            return "ip:" + (request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
        }
        return "p:" + identity.getPrincipal().getName();
    }
}
