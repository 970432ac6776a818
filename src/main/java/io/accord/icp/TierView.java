package io.accord.icp;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A score band. */
@Schema(name = "Tier", description = "A lead gets the first tier, in the given order (highest minScore first), whose "
        + "minScore its score reaches.")
public record TierView(
        @Schema(example = "A", required = true) String label,
        @Schema(example = "80", required = true, minimum = "0", maximum = "100") Integer minScore) {

    Tier toTier() {
        return new Tier(label, minScore);
    }

    static TierView of(Tier t) {
        return t == null ? null : new TierView(t.label(), t.minScore());
    }
}
