package io.accord.team;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    Uni<Team> findByKey(String key) {
        return find("key", key).firstResult();
    }

    Uni<List<Team>> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? Uni.createFrom().item(List.of()) : list("key in ?1", keys);
    }

    Uni<List<Team>> page(String function, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (function != null) {
            q.append(" and function = :function");
            params.and("function", function);
        }
        if (page.after() != null) {
            q.append(" and ").append(Keyset.hql("createdAt", "id"));
            Keyset.bind(params, page.after());
        }
        return find(q + " order by createdAt, id", params).range(0, page.fetchSize() - 1).list();
    }
}
