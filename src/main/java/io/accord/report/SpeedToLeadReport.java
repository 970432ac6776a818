package io.accord.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Time from hand-off to the first touch, for the leads handed off in [from, to). */
@Schema(name = "SpeedToLeadReport")
public record SpeedToLeadReport(
        @Schema(example = "2026-11-16T00:00:00Z") Instant from,
        @Schema(example = "2026-11-23T00:00:00Z") Instant to,
        @Schema(nullable = true, example = "ownerId") String groupBy,
        List<Group> groups,
        Group total) {

    @Schema(name = "SpeedToLeadGroup")
    public record Group(
            @Schema(nullable = true, example = "rep-42") String key,
            @Schema(example = "80", description = "Leads handed off in the window") long handedOff,
            @Schema(example = "74", description = "Of those, touched since their hand-off") long touched,
            @Schema(nullable = true, example = "PT38M", description = "Over the touched leads") Duration median,
            @Schema(nullable = true, example = "PT4H5M") Duration p90,
            @Schema(nullable = true, example = "PT26H") Duration p99,
            @Schema(example = "52", description = "Leads first touched within one hour of hand-off") long withinOneHour,
            @Schema(nullable = true, example = "65.0", description = "withinOneHour ÷ handedOff as a percentage with "
                    + "one decimal (an untouched lead counts as not within the hour); null when nothing was handed off")
            BigDecimal withinOneHourShare) {
    }
}
