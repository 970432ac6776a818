package io.accord.lead;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class LeadInboundRepository implements PanacheRepositoryBase<LeadInboundMessage, UUID> {

    /** A lead's messages by when they were sent (index lead_inbound_messages_lead). */
    Uni<List<LeadInboundMessage>> page(UUID leadId, PageRequest page) {
        Parameters params = Parameters.with("lead", leadId);
        String q = "leadId = :lead";
        if (page.after() != null) {
            // The cursor's time is the last message's occurredAt: this list is ordered by it.
            q += " and " + Keyset.hql("occurredAt", "id");
            Keyset.bind(params, page.after());
        }
        return find(q + " order by occurredAt, id", params).range(0, page.fetchSize() - 1).list();
    }
}
