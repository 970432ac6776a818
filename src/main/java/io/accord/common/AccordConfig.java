package io.accord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Accord's own settings (prefix {@code accord}); each is also an environment variable, e.g. {@code ACCORD_BOOTSTRAP_ADMIN_KEY}. */
@ConfigMapping(prefix = "accord")
public interface AccordConfig {

    /** An admin API key accepted without being stored (at least 32 characters), so a new installation can be set up by API. */
    Optional<String> bootstrapAdminKey();

    /** Per-principal request rate limiting. */
    RateLimit rateLimit();

    /** Idempotency-Key handling. */
    Idempotency idempotency();

    /** The event sequence behind the live stream and the pull feed. */
    Events events();

    /** Webhook delivery. */
    Webhooks webhooks();

    /** The SLA breach detector. */
    Detector detector();

    /** The commitment checker. */
    Commitments commitments();

    /** Reports. */
    Reports reports();

    /** Encryption of stored secrets (webhook signing secrets). */
    Secrets secrets();

    interface Secrets {
        /**
         * The AES-256 key (32 bytes, base64) that encrypts stored secrets. Required with an external database; the
         * embedded evaluation database generates one into its data directory.
         */
        Optional<String> key();

        /** Earlier keys (comma-separated, base64) that still decrypt, during a key rotation. */
        Optional<java.util.List<String>> previousKeys();

        /** How often one replica re-encrypts secrets still sealed with a previous key (also done at start). */
        @WithDefault("PT1H")
        Duration resealInterval();
    }

    /** Who sees people's contact data. */
    Privacy privacy();

    interface Privacy {
        /**
         * The roles that read a lead's {@code contact.email} and {@code contact.phone}; for a caller with none of
         * them both are {@code null} in every lead it reads.
         */
        @WithDefault("admin,marketing,sales,sales_manager")
        java.util.Set<String> contactRoles();
    }

    /** Browser access from other origins (CORS). */
    Cors cors();

    /** Authentication: the API key cache, limits on failed attempts, and bearer-token lifetimes. */
    Auth auth();

    /** Connection timeouts beyond Quarkus' idle timeout. */
    Http http();

    interface Auth {
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
            java.util.List<String> rolesClaim();

            /**
             * Provider role name to Accord role(s) (comma-separated). Provider roles not mapped pass through when they
             * are an Accord role's name; others are dropped.
             */
            java.util.Map<String, String> roleMap();
        }

        interface StreamTokens {
            /** How long a stream token may wait for its one use. */
            @WithDefault("PT60S")
            Duration ttl();
        }
    }

    interface Cors {
        /**
         * Origins (scheme://host[:port]) whose browser pages may call the API. Empty (the default) keeps CORS off:
         * no CORS headers at all. {@link CorsSettings} turns this into Quarkus' own CORS filter settings.
         */
        Optional<java.util.List<String>> origins();
    }

    interface Http {
        /** Time a client has to send a request's body once its headers arrived; a slower upload is cut off. */
        @WithDefault("PT30S")
        Duration bodyTimeout();

        /**
         * Time a client has to send a request's headers. On a new connection it is the longest silence allowed before
         * the headers are complete; on a kept-alive connection it counts from the next request's first byte.
         */
        @WithDefault("PT10S")
        Duration headerTimeout();
    }

    interface Commitments {
        /** How often each replica looks for commitments due for a check. */
        @WithDefault("PT30S")
        Duration pollInterval();

        /** The longest time between two checks of an open period (checks also happen at its quarter point and end). */
        @WithDefault("PT15M")
        Duration checkInterval();
    }

    interface Reports {
        /** How often a replica computes the business time of newly met SLA clocks (reports also do it first). */
        @WithDefault("PT10S")
        Duration clockDurationsInterval();

        /**
         * How often a replica builds the monthly SLA rollups of closed months that changed. Reports stay exact in
         * between: they read a changed month from the clocks until it is built again.
         */
        @WithDefault("PT1M")
        Duration rollupInterval();
    }

    interface Detector {
        /** Whether this replica runs the detector loop (every replica may; they share work safely). */
        @WithDefault("true")
        boolean enabled();

        /** How often an idle detector polls for clocks with something due. */
        @WithDefault("PT0.1S")
        Duration interval();

        /** Clocks claimed per transaction. */
        @WithDefault("1000")
        int batch();

        /** Transactions this replica runs at once when many clocks are due (they never claim the same clock). */
        @WithDefault("2")
        int workers();
    }

    interface Events {
        /** How long events are kept for the pull feed and stream replay (at least 30 days). */
        @WithDefault("P35D")
        Duration retention();

        /** Interval of the comment heartbeat on live streams. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** How often a live stream re-checks the events table even without a notification. */
        @WithDefault("PT5S")
        Duration recheck();
    }

    interface Webhooks {
        /** Allow targets that resolve to loopback, link-local or private addresses (local use and tests only). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Hosts allowed even when they resolve to private addresses, e.g. an in-cluster CRM. */
        java.util.Optional<java.util.Set<String>> allowedHosts();

        /** Timeout of one delivery attempt. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * How long a claimed delivery is leased to its replica. If that replica dies before recording the outcome,
         * another sends the delivery again once the lease is over. At least the timeout plus 5 s.
         */
        @WithDefault("PT60S")
        Duration lease();

        /** How often each replica looks for due deliveries (new events also wake it at once). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * The waits before the retries of a failed delivery, in order (see {@code RetrySchedule}); after the last one
         * fails the delivery is marked failed. The default retries for about three days.
         */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H")
        java.util.List<Duration> retryDelays();
    }

    interface RateLimit {
        /** Whether requests under /api are rate-limited per principal (or per client address when anonymous). */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second allowed per principal. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Burst size: requests allowed at once before the sustained rate applies. */
        @WithDefault("200")
        int burst();
    }

    interface Idempotency {
        /** How long a stored response is replayed for its Idempotency-Key. */
        @WithDefault("PT24H")
        Duration retention();
    }
}
