package io.accord.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The SLA breach detector ({@code accord.detector.*}). */
@ConfigMapping(prefix = "accord.detector")
public interface DetectorSettings {

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
