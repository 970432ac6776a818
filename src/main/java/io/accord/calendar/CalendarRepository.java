package io.accord.calendar;

import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class CalendarRepository implements PanacheRepositoryBase<CalendarDefinition, UUID> {

    Uni<CalendarDefinition> findByKey(String key) {
        return find("key", key).firstResult();
    }

    Uni<List<CalendarDefinition>> page(PageRequest page) {
        Parameters params = new Parameters();
        String where = "";
        if (page.after() != null) {
            where = "where createdAt > :cAt or (createdAt = :cAt and id > :cId) ";
            params.and("cAt", page.after().createdAt()).and("cId", page.after().id());
        }
        return find(where + "order by createdAt, id", params).range(0, page.fetchSize() - 1).list();
    }
}
