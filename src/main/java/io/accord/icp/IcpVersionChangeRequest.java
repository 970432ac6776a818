package io.accord.icp;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a draft's content. */
@Schema(name = "IcpVersionChangeRequest")
public record IcpVersionChangeRequest(
        @Schema(description = "1 to 100 criteria", required = true) List<CriterionView> criteria,
        @Schema(description = "At least one tier, highest minScore first", required = true) List<TierView> tiers,
        @Size(max = 4000) @Schema(example = "Raises the employee floor to 250", nullable = true, maxLength = 4000)
        String notes) {
}
