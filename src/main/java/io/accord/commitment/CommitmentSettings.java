package io.accord.commitment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The commitment checker ({@code accord.commitments.*}). */
@ConfigMapping(prefix = "accord.commitments")
public interface CommitmentSettings {

    /** How often each replica looks for commitments due for a check; read by the scheduler. */
    @WithDefault("PT30S")
    Duration pollInterval();

    /** The longest time between two checks of an open period (checks also happen at its quarter point and end). */
    @WithDefault("PT15M")
    Duration checkInterval();
}
