package io.accord.sla;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, UUID> {

    Uni<SlaPolicy> findByKey(String key) {
        return find("key", key).firstResult();
    }

    /** The candidates for selection at hand-off (index sla_policies_enabled). */
    Uni<List<SlaPolicy>> enabled() {
        return list("enabled = true order by priority desc, key");
    }

    Uni<List<SlaPolicy>> page(PageRequest page) {
        return Keyset.page(this, page);
    }
}
