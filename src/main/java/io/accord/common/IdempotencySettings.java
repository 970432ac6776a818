package io.accord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Idempotency-Key handling ({@code accord.idempotency.*}). */
@ConfigMapping(prefix = "accord.idempotency")
public interface IdempotencySettings {

    /** How long a stored response is replayed for its Idempotency-Key. */
    @WithDefault("PT24H")
    Duration retention();
}
