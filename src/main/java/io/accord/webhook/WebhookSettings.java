package io.accord.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webhook delivery ({@code accord.webhooks.*}, e.g. {@code ACCORD_WEBHOOKS_RETRY_DELAYS}). */
@ConfigMapping(prefix = "accord.webhooks")
public interface WebhookSettings {

    /** Allow targets that resolve to loopback, link-local or private addresses (local use and tests only). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Hosts allowed even when they resolve to private addresses, e.g. an in-cluster CRM. */
    Optional<Set<String>> allowedHosts();

    /** Timeout of one delivery attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * How long a claimed delivery is leased to its replica. If that replica dies before recording the outcome,
     * another sends the delivery again once the lease is over. At least the timeout plus 5 s.
     */
    @WithDefault("PT60S")
    Duration lease();

    /** How often each replica looks for due deliveries (new events also wake it at once); read by the scheduler. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * The waits before the retries of a failed delivery, in order (see {@link RetrySchedule}); after the last one
     * fails the delivery is marked failed. The default retries for about three days.
     */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H")
    List<Duration> retryDelays();
}
