package io.accord.lead;

import io.accord.icp.LeadAttributes;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Finds a lead's best fit among the active ICPs. Intake calls it once per request (a bulk push evaluates all its
 * items against one snapshot of the active ICPs), before it opens its transaction; needs no session.
 */
public interface LeadFitEvaluator {

    /** One entry per lead, in order; empty when no ICP is active. */
    Uni<List<Optional<LeadFit>>> bestFits(List<LeadAttributes> leads);
}
