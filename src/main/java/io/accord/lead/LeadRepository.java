package io.accord.lead;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The lead, locked until the transaction ends, so that actions on one lead run one after the other. */
    Uni<Lead> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
