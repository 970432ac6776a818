package io.accord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-principal request rate limiting ({@code accord.rate-limit.*}). */
@ConfigMapping(prefix = "accord.rate-limit")
public interface RateLimitSettings {

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
