package io.accord.lead;

import io.accord.icp.IcpScoring;
import io.accord.icp.LeadAttributes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Best fits from the ICP feature's scoring ({@link IcpScoring#bestFits}): one check of the active set for a whole
 * batch. The ICP catalog reads through the reactive pool, not a session, so intake calls this before it opens its
 * transaction (a request never holds one pool connection while waiting for another).
 */
@ApplicationScoped
class IcpLeadFit implements LeadFitEvaluator {

    private final IcpScoring scoring;

    IcpLeadFit(IcpScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public Uni<List<Optional<LeadFit>>> bestFits(List<LeadAttributes> leads) {
        return scoring.bestFits(leads).map(fits -> fits.stream()
                .map(f -> f.map(fit -> new LeadFit(fit.icpKey(), fit.version(), fit.score(), fit.tier(), fit.qualified())))
                .toList());
    }
}
