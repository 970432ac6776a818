package io.accord.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class LeadEventRepository implements PanacheRepositoryBase<LeadEvent, UUID> {

    private final ObjectMapper json;

    LeadEventRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Index lead_events_lead. */
    Uni<List<LeadEvent>> forLead(UUID leadId) {
        return list("leadId = ?1 order by at, id", leadId);
    }

    /** Appends many events with one statement (bulk intake hands off many leads at once). */
    Uni<Void> insertAll(List<LeadEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (LeadEvent e : events) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id);
            row.put("lead_id", e.leadId);
            row.put("at", e.at);
            row.put("kind", e.kind);
            row.put("actor", e.actor);
            row.put("summary", e.summary);
            rows.add(row);
        }
        String payload;
        try {
            payload = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into lead_events (id, lead_id, at, kind, actor, summary)
                        select id, lead_id, at, kind, actor, summary
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                            as r(id uuid, lead_id uuid, at timestamptz, kind text, actor text, summary text)""")
                .setParameter("rows", payload).executeUpdate()).replaceWithVoid();
    }
}
