package io.accord.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.TokenBucket;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Limits failed authentications per client address and per presented API key prefix (the characters after
 * {@code acc_} that a key's hint shows). Every {@code 401} takes a token from both buckets; while a bucket is empty,
 * requests from that address (or with that key prefix) are refused with a {@code 429} problem and {@code Retry-After}
 * before any authentication is tried, so a flood of wrong keys costs neither a hash lookup nor a database query. A key
 * known to be valid is never refused for its prefix alone, so guessing at a key's published prefix cannot lock its
 * owner out. The buckets are per replica, bounded, and forgotten after ten idle minutes.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    static final int PREFIX_LENGTH = 6;

    private final AuthSettings config;
    private final ApiKeyCache keys;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    AuthFailureLimiter(AuthSettings config, ApiKeyCache keys) {
        this.config = config;
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseWhileOverLimit(HttpServerRequest request) {
        if (!enabled()) {
            return;
        }
        long now = System.nanoTime();
        long wait = waitFor("ip:" + address(request), now);
        String key = ApiKeyAuthenticationMechanism.extract(request);
        String prefix = prefixOf(key);
        if (wait == 0 && prefix != null) {
            long prefixWait = waitFor("key:" + prefix, now);
            if (prefixWait > 0 && !keys.knownValid(HexFormat.of().formatHex(ApiKeySecrets.hash(key)))) {
                wait = prefixWait;
            }
        }
        if (wait > 0) {
            long seconds = TokenBucket.retryAfterSeconds(wait);
            throw new ProblemException(ProblemKind.RATE_LIMITED,
                    "Too many failed authentications from this client; retry in " + seconds + " s",
                    List.of(), Map.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    @ServerResponseFilter
    public void countFailure(ContainerResponseContext response, HttpServerRequest request) {
        if (response.getStatus() != 401 || !enabled()) {
            return;
        }
        long now = System.nanoTime();
        fail("ip:" + address(request), now);
        String prefix = prefixOf(ApiKeyAuthenticationMechanism.extract(request));
        if (prefix != null) {
            fail("key:" + prefix, now);
        }
    }

    private long waitFor(String bucket, long now) {
        TokenBucket b = buckets.getIfPresent(bucket);
        return b == null ? 0 : b.peek(config.failureBurst(), perSecond(), now);
    }

    private void fail(String bucket, long now) {
        buckets.get(bucket, k -> new TokenBucket(config.failureBurst(), now)).take(config.failureBurst(), perSecond(), now);
    }

    private boolean enabled() {
        return config.failuresPerMinute() > 0 && config.failureBurst() > 0;
    }

    private double perSecond() {
        return config.failuresPerMinute() / 60.0;
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    }

    /** The few characters after {@code acc_} of a presented API key, or null for other credentials. */
    static String prefixOf(String key) {
        if (key == null || !key.startsWith(ApiKeySecrets.PREFIX)) {
            return null;
        }
        return key.substring(ApiKeySecrets.PREFIX.length(), Math.min(key.length(), ApiKeySecrets.PREFIX.length() + PREFIX_LENGTH));
    }
}
