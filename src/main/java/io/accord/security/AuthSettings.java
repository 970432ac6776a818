package io.accord.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Authentication: the API key cache, limits on failed attempts, bearer tokens and stream tokens ({@code accord.auth.*},
 * e.g. {@code ACCORD_AUTH_STREAM_TOKENS_TTL}).
 */
@ConfigMapping(prefix = "accord.auth")
public interface AuthSettings {

    /** Most valid API keys kept in memory per replica (a revocation on any replica removes its key at once). */
    @WithDefault("10000")
    int cacheSize();

    /** Longest time a valid key is trusted from memory without asking the database again (a safety net). */
    @WithDefault("PT5M")
    Duration cacheTtl();

    /** Most recently failed key hashes remembered per replica, so repeated wrong keys never reach the database. */
    @WithDefault("10000")
    int failedCacheSize();

    /** How long a failed key hash is remembered. */
    @WithDefault("PT1M")
    Duration failedCacheTtl();

    /** Failed authentications allowed per minute, per client address and per presented key prefix (0 disables). */
    @WithDefault("20")
    double failuresPerMinute();

    /** Failed authentications allowed at once before the per-minute rate applies. */
    @WithDefault("40")
    int failureBurst();

    /** Longest lifetime ({@code exp - iat}) a bearer token may have; longer-lived tokens are refused. */
    @WithDefault("PT24H")
    Duration jwtMaxLifetime();

    /** How far in the future a bearer token's {@code iat} may lie (clock skew between issuer and replica). */
    @WithDefault("PT60S")
    Duration jwtClockSkew();

    /** Bearer tokens (JWT/OIDC). */
    Jwt jwt();

    /** Tokens for the live alert stream, for browsers that cannot send headers with EventSource. */
    StreamTokens streamTokens();

    interface Jwt {
        /**
         * Where the roles are in a bearer token: claim names or dotted paths into nested claims
         * ({@code realm_access.roles}), comma-separated; the roles found at each are combined. A claim whose whole
         * name matches (Auth0's namespaced {@code https://accord.example/roles}) is taken before the path is split
         * at dots.
         */
        @WithDefault("groups")
        List<String> rolesClaim();

        /**
         * Provider role name to Accord role(s) (comma-separated). Provider roles not mapped pass through when they
         * are an Accord role's name; others are dropped.
         */
        Map<String, String> roleMap();
    }

    interface StreamTokens {
        /** How long a stream token may wait for its one use. */
        @WithDefault("PT60S")
        Duration ttl();
    }
}
