package io.accord.lead;

import io.accord.common.PersonalData;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Removes one lead's personal data from every place Accord stores it, in the caller's transaction. What is personal:
 * the company, contact and custom attributes, the external id, the reject note and the touches' notes, and every copy
 * of them. This class erases the lead feature's own tables; the copies in other features' tables (alerts and the
 * event feed, the audit log, stored Idempotency-Key responses) are erased by those features' {@link PersonalData}
 * steps, in the same transaction. What stays is anonymous and keeps the figures right: status, stage times, fit,
 * source, owner, team, country, clocks, touches' kinds and times, outcomes.
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
                hold_reason = case when hold_reason is null then null else '(erased)' end, erased_at = :at, updated_at = :at, version = version + 1
            where id = :id""",
            "update lead_touches set note = null where lead_id = :id and note is not null",
            "update lead_events set summary = regexp_replace(summary, '" + REJECT_NOTE + "', '\\1', 's') "
                    + "where lead_id = :id and kind = 'reject'");

    private final List<PersonalData> copies;

    LeadErasure(@All List<PersonalData> copies) {
        this.copies = copies;
    }

    /** The external id an erased lead keeps: unique, as the lead id is. */
    static String tombstone(UUID leadId) {
        return "erased:" + leadId;
    }

    Uni<Void> erase(UUID id, String source, String externalId, Instant at) {
        PersonalData.ErasedLead lead = new PersonalData.ErasedLead(id, source, externalId, tombstone(id), at);
        return Panache.getSession().chain(session -> PersonalData.run(session, STATEMENTS, lead)
                .chain(() -> copies(session, 0, lead)));
    }

    private Uni<Void> copies(Mutiny.Session session, int i, PersonalData.ErasedLead lead) {
        return i == copies.size() ? Uni.createFrom().voidItem()
                : copies.get(i).erase(session, lead).chain(() -> copies(session, i + 1, lead));
    }
}
