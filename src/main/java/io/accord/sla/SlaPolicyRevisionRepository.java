package io.accord.sla;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class SlaPolicyRevisionRepository implements PanacheRepositoryBase<SlaPolicyRevision, UUID> {

    Uni<SlaPolicyRevision> find(UUID policyId, int revision) {
        return find("policyId = ?1 and revision = ?2", policyId, revision).firstResult();
    }

    /** Revisions after {@code afterRevision}, in revision order; served by the primary key (policy_id, revision). */
    Uni<List<SlaPolicyRevision>> page(UUID policyId, int afterRevision, int fetchSize) {
        return find("policyId = :pid and revision > :after order by revision",
                Parameters.with("pid", policyId).and("after", afterRevision)).range(0, fetchSize - 1).list();
    }
}
