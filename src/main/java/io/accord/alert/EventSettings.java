package io.accord.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The event sequence behind the live stream and the pull feed ({@code accord.events.*}). */
@ConfigMapping(prefix = "accord.events")
public interface EventSettings {

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
