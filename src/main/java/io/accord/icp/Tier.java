package io.accord.icp;

/** A named score band; a lead gets the first tier (highest minScore first) whose minScore it reaches. */
public record Tier(String label, Integer minScore) {
}
