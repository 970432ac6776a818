package io.accord.lead;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The best fit of a lead among the active ICPs, as stored on the lead. */
@Schema(name = "LeadFit", description = "The best result among the active ICPs when the lead was last evaluated; "
        + "frozen at hand-off")
public record LeadFit(
        @Schema(example = "enterprise-emea") String icpKey,
        @Schema(example = "3") int version,
        @Schema(example = "85") int score,
        @Schema(example = "A", nullable = true) String tier,
        @Schema(example = "true") boolean qualified) {
}
