package io.accord.lead;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class LeadTouchRepository implements PanacheRepositoryBase<LeadTouch, UUID> {

    /** Index lead_touches_page. */
    Uni<List<LeadTouch>> page(UUID leadId, PageRequest page) {
        Parameters params = Parameters.with("lead", leadId);
        String q = "leadId = :lead";
        if (page.after() != null) {
            q += " and " + Keyset.hql("createdAt", "id");
            Keyset.bind(params, page.after());
        }
        return find(q + " order by createdAt, id", params).range(0, page.fetchSize() - 1).list();
    }

    /** When the lead's touches since {@code since} happened (index lead_touches_occurred). */
    Uni<List<Instant>> timesSince(UUID leadId, Instant since) {
        return getSession().chain(s -> s.createQuery(
                        "select t.occurredAt from LeadTouch t where t.leadId = :lead and t.occurredAt >= :since "
                                + "order by t.occurredAt", Instant.class)
                .setParameter("lead", leadId).setParameter("since", since).getResultList());
    }

    /** The lead's most recent touches by time of occurrence, for its timeline. */
    Uni<List<LeadTouch>> latest(UUID leadId, int max) {
        return find("leadId = ?1 order by occurredAt desc, id desc", leadId).range(0, max - 1).list();
    }
}
