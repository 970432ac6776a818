package io.accord.icp;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class IcpApprovalRepository implements PanacheRepositoryBase<IcpApproval, UUID> {

    Uni<List<IcpApproval>> forVersion(UUID versionId) {
        return list("from IcpApproval a where a.versionId = ?1 order by a.at, a.side", versionId);
    }

    /** The decisions of several versions, by version id; versions without any are absent. */
    Uni<Map<UUID, List<IcpApproval>>> forVersions(List<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("from IcpApproval a where a.versionId in ?1 order by a.at, a.side", versionIds)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(a -> a.versionId)));
    }
}
