package io.accord.commitment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a commitment ({@code key} required) or replaces one. */
@Schema(name = "CommitmentRequest")
public record CommitmentRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lowercase slug (a-z, 0-9, -)")
        @Schema(example = "emea-tier-b-weekly", description = "Unique slug; required on create, immutable") String key,
        @NotBlank @Size(max = 200) @Schema(example = "EMEA: 120 tier B or better a week", required = true) String name,
        @NotBlank @Schema(example = "emea-marketing", required = true, description = "The marketing team that promises")
        String teamKey,
        @NotNull @Pattern(regexp = "week|month|quarter", message = "must be week, month or quarter")
        @Schema(example = "week", required = true, enumeration = {"week", "month", "quarter"}) String period,
        @NotBlank @Schema(example = "emea-office", required = true, description = "Its zone sets the period "
                + "boundaries; its business hours pace the projection") String calendarKey,
        @NotNull @Pattern(regexp = "handed_off|accepted", message = "must be handed_off or accepted")
        @Schema(example = "handed_off", required = true, enumeration = {"handed_off", "accepted"}) String metric,
        @Size(min = 1, max = 32) @Schema(example = "B", nullable = true, description = "Count only leads of this tier "
                + "or better") String minTier,
        @Size(min = 1, max = 64) @Schema(example = "mid-market-saas", nullable = true, description = "Count only leads "
                + "that fit this ICP") String icpKey,
        @NotNull @Min(1) @Max(1_000_000) @Schema(example = "120", required = true) Integer target,
        @NotNull @Schema(example = "2026-11-16", required = true, description = "The first day of the first period: a "
                + "Monday (week), the 1st (month), or January/April/July/October 1st (quarter)") LocalDate startsOn) {
}
