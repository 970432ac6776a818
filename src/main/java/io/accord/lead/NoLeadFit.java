package io.accord.lead;

import io.accord.icp.LeadAttributes;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Used until an ICP evaluator is available: no lead has a fit. */
@DefaultBean
@ApplicationScoped
class NoLeadFit implements LeadFitEvaluator {

    @Override
    public Uni<List<Optional<LeadFit>>> bestFits(List<LeadAttributes> leads) {
        return Uni.createFrom().item(Collections.nCopies(leads.size(), Optional.empty()));
    }
}
