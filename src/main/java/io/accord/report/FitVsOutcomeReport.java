package io.accord.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of the leads handed off in [from, to), per ICP version and tier: does the ICP predict anything? */
@Schema(name = "FitVsOutcomeReport")
public record FitVsOutcomeReport(
        @Schema(example = "2026-10-01T00:00:00Z") Instant from,
        @Schema(example = "2027-01-01T00:00:00Z") Instant to,
        @Schema(description = "By ICP key, version, then tier in the version's order (highest first); leads without a "
                + "fit come last") List<Row> rows) {

    @Schema(name = "FitVsOutcomeRow")
    public record Row(
            @Schema(nullable = true, example = "mid-market-saas", description = "null: leads no active ICP fitted")
            String icpKey,
            @Schema(nullable = true, example = "3") Integer icpVersion,
            @Schema(nullable = true, example = "A") String tier,
            @Schema(example = "140") long leads,
            @Schema(example = "112") long accepted,
            @Schema(nullable = true, example = "80.0") BigDecimal acceptedRate,
            @Schema(example = "70") long qualified,
            @Schema(nullable = true, example = "50.0") BigDecimal qualifiedRate,
            @Schema(example = "21") long won,
            @Schema(nullable = true, example = "15.0") BigDecimal wonRate,
            @Schema(example = "14") long rejected,
            @Schema(nullable = true, example = "10.0") BigDecimal rejectedRate) {
    }
}
