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
 * replica; a refusal is a 429 problem with {@code Retry-After}. Every counted response carries the caller's allowance
 * as {@code RateLimit-Limit} (the burst), {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the
 * bucket is full again), as the IETF RateLimit header draft describes. The buckets hold no business state.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitSettings config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    CurrentIdentityAssociation identities;

    public RateLimiter(RateLimitSettings config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Void> limit(HttpServerRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            check(keyOf(identity, request), System.nanoTime(), request);
            return null;
        });
    }

    void check(String key, long nowNanos, HttpServerRequest request) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        int burst = config.burst();
        double perSecond = config.requestsPerSecond();
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, nowNanos));
        long waitNanos;
        double left;
        synchronized (bucket) {
            waitNanos = bucket.take(burst, perSecond, nowNanos);
            left = bucket.tokens();
        }
        request.response().headers()
                .set(OpenApiConventions.RATE_LIMIT_LIMIT, Integer.toString(burst))
                .set(OpenApiConventions.RATE_LIMIT_REMAINING, Long.toString((long) Math.floor(left)))
                .set(OpenApiConventions.RATE_LIMIT_RESET, Long.toString((long) Math.ceil((burst - left) / perSecond)));
        if (waitNanos > 0) {
            long seconds = TokenBucket.retryAfterSeconds(waitNanos);
            throw new ProblemException(ProblemKind.RATE_LIMITED,
                    "Rate limit of " + config.requestsPerSecond() + " requests per second exceeded; retry in "
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
