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
