package io.accord.calendar;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
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
        return Keyset.page(this, page);
    }
}
