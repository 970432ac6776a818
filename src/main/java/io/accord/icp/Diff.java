package io.accord.icp;

import java.util.List;

/**
 * Differences between two ICP versions (see {@link IcpDiff}).
 *
 * @param added   criteria only in the newer version, in its order
 * @param removed criteria only in the older version, in its order
 * @param changed criteria present in both whose operands, weight or required flag differ
 * @param tiers   tier changes, matched by label
 */
public record Diff(List<Criterion> added, List<Criterion> removed, List<CriterionChange> changed,
                   List<TierChange> tiers) {

    public Diff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        tiers = List.copyOf(tiers);
    }
}
