package io.accord.lead;

import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The lead, locked until the transaction ends, so that actions on one lead run one after the other. */
    Uni<Lead> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<List<Lead>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** A page in creation order; each equality filter has an index that also serves the order (V5__leads.sql). */
    Uni<List<Lead>> page(LeadFilter f, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.status() != null) {
            q.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.ownerId() != null) {
            q.append(" and ownerId = :owner");
            params.and("owner", f.ownerId());
        }
        if (f.teamKey() != null) {
            q.append(" and teamKey = :team");
            params.and("team", f.teamKey());
        }
        if (f.icpKey() != null) {
            q.append(" and fitIcpKey = :icp");
            params.and("icp", f.icpKey());
        }
        if (f.tier() != null) {
            q.append(" and fitTier = :tier");
            params.and("tier", f.tier());
        }
        if (f.source() != null) {
            q.append(" and source = :source");
            params.and("source", f.source());
        }
        if (f.handedOffFrom() != null) {
            q.append(" and handedOffAt >= :hFrom");
            params.and("hFrom", f.handedOffFrom());
        }
        if (f.handedOffTo() != null) {
            q.append(" and handedOffAt < :hTo");
            params.and("hTo", f.handedOffTo());
        }
        if (page.after() != null) {
            q.append(" and (createdAt > :cAt or (createdAt = :cAt and id > :cId))");
            params.and("cAt", page.after().createdAt()).and("cId", page.after().id());
        }
        return find(q + " order by createdAt, id", params).range(0, page.fetchSize() - 1).list();
    }
}
