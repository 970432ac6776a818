package io.accord.icp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Creates a draft version: either its content ({@code criteria}, {@code tiers}) or {@code fromVersion}, the number of
 * an existing version whose content is copied.
 */
@Schema(name = "IcpVersionRequest", description = "Either `criteria` and `tiers`, or `fromVersion` to copy an existing "
        + "version's criteria and tiers (and its notes, unless `notes` is given).")
public record IcpVersionRequest(
        @Schema(description = "1 to 100 criteria", nullable = true) List<CriterionView> criteria,
        @Schema(description = "At least one tier, highest minScore first", nullable = true) List<TierView> tiers,
        @Size(max = 4000) @Schema(example = "Adds the DACH region after the Q3 win/loss review", nullable = true,
                maxLength = 4000)
        String notes,
        @Min(1) @Schema(description = "Copy this version's content instead of giving criteria and tiers", example = "2",
                nullable = true)
        Integer fromVersion) {
}
