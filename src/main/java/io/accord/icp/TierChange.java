package io.accord.icp;

/**
 * A tier added, removed or moved to another minScore.
 *
 * @param beforeMinScore null when added
 * @param afterMinScore  null when removed
 * @param change         {@code added}, {@code removed} or {@code changed}
 */
public record TierChange(String label, Integer beforeMinScore, Integer afterMinScore, String change) {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";
}
