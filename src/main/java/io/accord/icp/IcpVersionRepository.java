package io.accord.icp;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class IcpVersionRepository implements PanacheRepositoryBase<IcpVersion, UUID> {

    Uni<IcpVersion> findByNumber(UUID icpId, int number) {
        return find("from IcpVersion v where v.icpId = ?1 and v.number = ?2", icpId, number).firstResult();
    }

    Uni<IcpVersion> findActive(UUID icpId) {
        return find("from IcpVersion v where v.icpId = ?1 and v.status = 'active'", icpId).firstResult();
    }

    Uni<Integer> maxNumber(UUID icpId) {
        return getSession().chain(s -> s
                .createSelectionQuery("select max(v.number) from IcpVersion v where v.icpId = :icp", Integer.class)
                .setParameter("icp", icpId).getSingleResultOrNull())
                .map(n -> n == null ? 0 : n);
    }

    /** Active version numbers of the given ICPs; ICPs without one are absent. */
    Uni<Map<UUID, Integer>> activeNumbers(List<UUID> icpIds) {
        if (icpIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(s -> s
                .createSelectionQuery("select v.icpId, v.number from IcpVersion v "
                        + "where v.icpId in :ids and v.status = 'active'", Object[].class)
                .setParameter("ids", icpIds).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> map = new HashMap<>();
                    for (Object[] row : rows) {
                        map.put((UUID) row[0], (Integer) row[1]);
                    }
                    return map;
                });
    }

    /** A page of an ICP's versions by number, optionally of one status. */
    Uni<List<IcpVersion>> page(UUID icpId, String status, int afterNumber, int fetchSize) {
        StringBuilder q = new StringBuilder("from IcpVersion v where v.icpId = :icp and v.number > :after");
        Parameters params = Parameters.with("icp", icpId).and("after", afterNumber);
        if (status != null) {
            q.append(" and v.status = :status");
            params.and("status", status);
        }
        q.append(" order by v.number");
        return find(q.toString(), params).range(0, fetchSize - 1).list();
    }
}
