package io.accord.audit;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class AuditRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    Uni<List<AuditEvent>> page(AuditFilter filter, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.resourceType() != null) {
            q.append(" and resourceType = :type");
            params.and("type", filter.resourceType());
        }
        if (filter.resourceId() != null) {
            q.append(" and resourceId = :rid");
            params.and("rid", filter.resourceId());
        }
        if (filter.actor() != null) {
            q.append(" and actor = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.since() != null) {
            q.append(" and at >= :since");
            params.and("since", filter.since());
        }
        if (page.after() != null) {
            q.append(" and ").append(Keyset.hql("at", "id"));
            Keyset.bind(params, page.after());
        }
        q.append(" order by at, id");
        return find(q.toString(), params).range(0, page.fetchSize() - 1).list();
    }
}
