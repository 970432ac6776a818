package io.accord.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which leads to backtest a version on: those handed off in [from, to), optionally narrowed. */
@Schema(name = "BacktestRequest")
public record BacktestRequest(
        @NotNull @Schema(description = "Start of the hand-off window (included)", example = "2026-08-01T00:00:00Z",
                required = true) Instant from,
        @NotNull @Schema(description = "End of the hand-off window (excluded)", example = "2026-11-01T00:00:00Z",
                required = true) Instant to,
        @Valid @Schema(nullable = true) Filters filters) {

    /** Only leads with these values (each optional). */
    @Schema(name = "BacktestFilters")
    public record Filters(
            @Size(max = 200) @Schema(example = "hubspot", nullable = true, maxLength = 200) String source,
            @Size(max = 200) @Schema(example = "emea-inbound", nullable = true, maxLength = 200) String teamKey,
            @Size(max = 200) @Schema(example = "DE", nullable = true, maxLength = 200) String country) {

        static final Filters NONE = new Filters(null, null, null);
    }

    Filters filtersOrNone() {
        return filters == null ? Filters.NONE : filters;
    }
}
