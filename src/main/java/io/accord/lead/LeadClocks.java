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
 * these notifications, and of their answers only what a hand-off started. Erasure needs no notification: clocks
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

    /** A hold on a lead: from {@code since}, until resumed or, when {@code until} is set, until then. */
    record Hold(String reason, Instant since, Instant until) {
    }

    /** What a hold did: how many running clocks it paused, and how many kept running (their milestone forbids it). */
    record Held(int paused, int keptRunning) {
    }

    /**
     * The prospect wrote: a message at {@code at} (already not before the current hand-off) on a lead handed off and
     * still in the funnel, with what a new clock copies, the lead's current hold (null when none) and the times of
     * its touches since the hand-off.
     */
    record Inbound(UUID leadId, UUID handoffId, Instant at, String ownerId, String teamKey, String tier, Hold hold,
            List<Instant> touchTimes) {
    }

    /**
     * The lead was put on hold: its running clocks whose milestone allows it are paused from {@code hold.since()}.
     * Pauses whose own {@code until} has come by then are closed first.
     */
    Uni<Held> held(UUID leadId, Hold hold);

    /** The lead's hold ended at {@code at}: its paused clocks run again, their deadlines moved by the pause. */
    Uni<Integer> resumed(UUID leadId, Instant at);

    /**
     * An inbound message: starts a new cycle of the recurring next_response clock when the hand-off's policy has that
     * milestone and no cycle is live; answers the cycle started, or empty.
     */
    Uni<Optional<Integer>> inbound(Inbound message);

    /** How a hand-off's clocks read in the lead's timeline and audit summary. */
    static String describe(Optional<Started> started) {
        return started.map(a -> "SLA policy '" + a.policyKey() + "' revision " + a.policyRevision() + ": "
                + a.clocks() + " clocks started").orElse("no SLA policy matched: no clocks");
    }
}
