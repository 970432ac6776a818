package io.accord.security;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Uni<List<ApiKey>> page(Boolean revoked, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (revoked != null) {
            q.append(revoked ? " and revokedAt is not null" : " and revokedAt is null");
        }
        if (page.after() != null) {
            q.append(" and ").append(Keyset.hql("createdAt", "id"));
            Keyset.bind(params, page.after());
        }
        q.append(" order by createdAt, id");
        return find(q.toString(), params).range(0, page.fetchSize() - 1).list();
    }

    Uni<Boolean> activeNameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and revokedAt is null and id <> ?2", name,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }
}
