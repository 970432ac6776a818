package io.accord.report;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Median and 90th percentile of a set of durations (continuous percentiles, rounded to whole seconds). */
@Schema(name = "DurationPercentiles")
public record Percentiles(
        @Schema(nullable = true, example = "PT42M", description = "null when there is nothing to measure") Duration median,
        @Schema(nullable = true, example = "PT3H10M") Duration p90) {

    public static final Percentiles NONE = new Percentiles(null, null);
}
