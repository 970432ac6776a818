package io.accord.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of a commitment with its figures. */
@Schema(name = "CommitmentPeriod")
public record CommitmentPeriodView(
        @Schema(example = "2026-11-15T23:00:00Z", description = "Local midnight of the period's first day") Instant start,
        @Schema(example = "2026-11-22T23:00:00Z", description = "Exclusive: local midnight after its last day") Instant end,
        @Schema(example = "120") long target,
        @Schema(example = "57", description = "Leads counted so far") long actual,
        @Schema(example = "47.5", description = "actual ÷ target as a percentage, one decimal") BigDecimal attainment,
        @Schema(example = "120", description = "The pace so far over the period's business time, rounded down; the "
                + "actual count once the period is closed") long projected,
        @Schema(example = "open", enumeration = {"open", "met", "missed"}) String status) {

    static CommitmentPeriodView of(CommitmentPeriod p, PeriodFigures f) {
        return new CommitmentPeriodView(p.start(), p.end(), f.target(), f.actual(), f.attainment(), f.projected(),
                f.status().wire());
    }
}
