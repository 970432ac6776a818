package io.accord.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Owner changes that background work makes inside its own pool transaction (the SLA breach detector's reassignment
 * on breach), so that the lead, its history and the work that caused them commit together. The lead's clocks are the
 * caller's business: it is the SLA feature that calls this.
 */
@ApplicationScoped
public class LeadOwnership {

    /** The breach detector's lock of the leads it reassigns (checked by ScheduledQueryPlansTest). */
    public static final String LOCK = LeadOwnerStore.LOCK;

    /** One lead's new owner, and the summary its timeline shows. */
    public record NewOwner(UUID leadId, String ownerId, String summary) {
    }

    private final LeadOwnerStore store;

    LeadOwnership(LeadOwnerStore store) {
        this.store = store;
    }

    /**
     * Locks the leads for the rest of {@code conn}'s transaction, skipping any another transaction holds (an API
     * action on the lead, another replica); answers the ones locked.
     */
    public Uni<Set<UUID>> lock(SqlConnection conn, List<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return store.lock(conn, leadIds.toArray(UUID[]::new));
    }

    /** Gives each lead its new owner (a new version, an {@code assign} event by {@code actor}), in {@code conn}'s transaction. */
    public Uni<Void> reassign(SqlConnection conn, Instant at, String actor, List<NewOwner> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.reassign(conn, at, changes.stream().map(NewOwner::leadId).toArray(UUID[]::new),
                changes.stream().map(NewOwner::ownerId).toArray(String[]::new), actor,
                changes.stream().map(NewOwner::summary).toArray(String[]::new));
    }
}
