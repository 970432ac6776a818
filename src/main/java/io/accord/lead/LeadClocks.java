package io.accord.lead;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SLA clocks a lead's changes drive: the one place where the lead feature meets the SLA feature. The lead feature
 * declares it and calls it inside the transaction of each change, so a lead and its clocks always agree; the SLA
 * feature implements it (its {@code SlaClocks} bean).
 *
 * <p>The dependency points from SLA to leads and not back because SLA needs much of leads (their summaries, history,
 * the intake preview and API types such as {@link LeadRequest} in its own contract), while leads need of SLA only
 * these four notifications, and of their answers only what a hand-off started. Erasure needs no notification: clocks
 * hold no personal data.
 */
public interface LeadClocks {

    /** A lead at the moment it is handed off: what policy selection matches and what the clocks copy. */
    record HandOff(UUID leadId, UUID handoffId, Instant at, String source, String country, String ownerId,
            String teamKey, String icpKey, String tier) {
    }

    /** The policy revision a hand-off started clocks from, and how many. */
    record Started(String policyKey, int policyRevision, int clocks) {
    }

    /** Lifecycle changes that meet or cancel clocks (touches are reported by {@link #touchesChanged}). */
    enum Change {
        ACCEPTED, REJECTED, QUALIFIED, CLOSED, RECYCLED
    }

    /**
     * Starts the clocks of each hand-off; one result per hand-off, in order, empty when no policy matched (the lead
     * then has no clocks).
     */
    Uni<List<Optional<Started>>> handedOff(List<HandOff> handOffs);

    /** The lead's status changed at {@code at}: its live clocks are met or cancelled accordingly. */
    Uni<Void> changed(UUID leadId, Change change, Instant at);

    /** A touch was logged: {@code touchTimes} are the times of the lead's touches since its current hand-off. */
    Uni<Void> touchesChanged(UUID leadId, List<Instant> touchTimes);

    /** The lead's owner or team changed: its live clocks follow. */
    Uni<Void> reassigned(UUID leadId, String ownerId, String teamKey);

    /** How a hand-off's clocks read in the lead's timeline and audit summary. */
    static String describe(Optional<Started> started) {
        return started.map(a -> "SLA policy '" + a.policyKey() + "' revision " + a.policyRevision() + ": "
                + a.clocks() + " clocks started").orElse("no SLA policy matched: no clocks");
    }
}
