package io.accord.icp;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class IcpRepository implements PanacheRepositoryBase<Icp, UUID> {

    Uni<Icp> findByKey(String key) {
        return find("from Icp i where i.key = ?1", key).firstResult();
    }

    /**
     * The ICP with its row locked until the transaction ends. Every change to an ICP or its versions takes this lock
     * first, so the steps of one ICP's workflow (numbering, approvals, activation) run one at a time.
     */
    Uni<Icp> lockByKey(String key) {
        return find("from Icp i where i.key = ?1", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    Uni<List<Icp>> page(PageRequest page) {
        StringBuilder q = new StringBuilder("from Icp i");
        Parameters params = new Parameters();
        if (page.after() != null) {
            q.append(" where ").append(Keyset.hql("i.createdAt", "i.id"));
            Keyset.bind(params, page.after());
        }
        q.append(" order by i.createdAt, i.id");
        return find(q.toString(), params).range(0, page.fetchSize() - 1).list();
    }
}
