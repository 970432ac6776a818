package io.accord.lead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Removes one lead's personal data from every place Accord stores it, in the caller's transaction. What is personal:
 * the company, contact and custom attributes, the external id, the reject note and the touches' notes, and every copy
 * of them: the alerts' company name and external id, the event feed (which is also what pending webhook deliveries
 * send), the lifecycle events' and audit entries' summaries, and the stored Idempotency-Key responses. What stays is
 * anonymous and keeps the figures right: status, stage times, fit, source, owner, team, country, clocks, touches'
 * kinds and times, outcomes.
 *
 * <p>The webhook delivery log stores no payload (deliveries read the event at send time) and no response body, so it
 * needs no change. Events already streamed or delivered cannot be called back.
 */
@ApplicationScoped
class LeadErasure {

    /** A reject summary ("Rejected (other): note ...") without the note. */
    private static final String REJECT_NOTE = "^(Rejected \\([a-z_]+\\)):.*$";

    private static final List<String> STATEMENTS = List.of(
            // The lead itself. The stage-tracking trigger fires on status and hand-off only, so no stage time moves.
            """
            update leads set company = '{}', contact = '{}', custom = '{}', external_id = :tombstone, reject_note = null,
                erased_at = :at, updated_at = :at, version = version + 1
            where id = :id""",
            "update lead_touches set note = null where lead_id = :id and note is not null",
            "update lead_events set summary = regexp_replace(summary, '" + REJECT_NOTE + "', '\\1', 's') "
                    + "where lead_id = :id and kind = 'reject'",
            // Alerts copy the company name and external id; lead alerts' details carry nothing else of the lead.
            """
            update alerts set external_id = :tombstone, company_name = null, details = '{}', version = version + 1
            where lead_id = :id""",
            // The event feed keeps the alert as it was at each event; pending webhook deliveries send this data.
            """
            update events set data = cast(cast(data as jsonb)
                    || jsonb_build_object('externalId', cast(:tombstone as text), 'companyName', null, 'details', cast('{}' as jsonb))
                as text)
            where lead_id = :id""",
            "update audit_events set summary = regexp_replace(summary, '" + REJECT_NOTE + "', '\\1 (note erased)', 's') "
                    + "where resource_type = 'lead' and resource_id = :idText and action = 'lead.rejected'",
            """
            update audit_events set summary = replace(summary, :source || '/' || :externalId, :source || '/' || :tombstone)
            where resource_type = 'lead' and resource_id = :idText""",
            // Stored responses of pushes (201 by Location, 200 by body) and of touches (by Location, which is
            // absolute) carry the data; a retry with the same Idempotency-Key then runs again instead of replaying.
            """
            delete from idempotency_keys
            where location like '%/api/v1/leads/' || :idText || '%'
               or (body like '%"id":"' || :idText || '"%' and body like '%"externalId"%')""");

    /** The external id an erased lead keeps: unique, as the lead id is. */
    static String tombstone(UUID leadId) {
        return "erased:" + leadId;
    }

    Uni<Void> erase(UUID id, String source, String externalId, Instant at) {
        return Panache.getSession().chain(session -> run(session, 0, id, source, externalId, at));
    }

    private Uni<Void> run(Mutiny.Session session, int i, UUID id, String source, String externalId, Instant at) {
        if (i == STATEMENTS.size()) {
            return Uni.createFrom().voidItem();
        }
        String sql = STATEMENTS.get(i);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        params.put("idText", id.toString());
        params.put("tombstone", tombstone(id));
        params.put("at", at);
        params.put("source", source);
        params.put("externalId", externalId);
        var query = session.createNativeQuery(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (Pattern.compile(":" + p.getKey() + "\\b").matcher(sql).find()) {
                query.setParameter(p.getKey(), p.getValue());
            }
        }
        return query.executeUpdate().chain(n -> run(session, i + 1, id, source, externalId, at));
    }
}
