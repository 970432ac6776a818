package io.accord.icp;

import java.util.List;

/** The body of one ICP version: weighted criteria and tiers ordered by minScore, highest first. */
public record IcpDefinition(List<Criterion> criteria, List<Tier> tiers) {

    /** Null lists become empty; null entries are kept so that {@link IcpRules} can report them. */
    public IcpDefinition {
        criteria = Values.copyList(criteria);
        tiers = Values.copyList(tiers);
    }
}
