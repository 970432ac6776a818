package io.accord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Connection timeouts beyond Quarkus' idle timeout ({@code accord.http.*}). */
@ConfigMapping(prefix = "accord.http")
public interface HttpSettings {

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
