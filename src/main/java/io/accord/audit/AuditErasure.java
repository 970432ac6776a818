package io.accord.audit;

import io.accord.common.PersonalData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** An erased lead's copies in the audit log: the reject note in a rejection's summary, and its external id. */
@ApplicationScoped
class AuditErasure implements PersonalData {

    /** A reject summary ("Rejected (other): note ...") without the note. */
    private static final String REJECT_NOTE = "^(Rejected \\([a-z_]+\\)):.*$";

    private static final List<String> STATEMENTS = List.of(
            "update audit_events set summary = regexp_replace(summary, '" + REJECT_NOTE + "', '\\1 (note erased)', 's') "
                    + "where resource_type = 'lead' and resource_id = :idText and action = 'lead.rejected'",
            """
            update audit_events set summary = replace(summary, :source || '/' || :externalId, :source || '/' || :tombstone)
            where resource_type = 'lead' and resource_id = :idText""");

    @Override
    public Uni<Void> erase(Mutiny.Session session, ErasedLead lead) {
        return PersonalData.run(session, STATEMENTS, lead);
    }
}
