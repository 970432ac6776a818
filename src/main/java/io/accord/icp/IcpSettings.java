package io.accord.icp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ICP workflow ({@code accord.icps.*}). */
@ConfigMapping(prefix = "accord.icps")
public interface IcpSettings {

    /**
     * Whether approving a version needs a backtest of it. Off by default: an approval then records that it saw none.
     * A stale backtest always needs {@code acknowledgeStale}.
     */
    @WithDefault("false")
    boolean requireBacktest();
}
