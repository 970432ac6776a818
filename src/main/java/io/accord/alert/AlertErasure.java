package io.accord.alert;

import io.accord.common.PersonalData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * An erased lead's copies in the alert feature: alerts copy the company name and external id (their details carry
 * nothing else of the lead), and the event feed keeps each alert as it was at each event, which is also what pending
 * webhook deliveries send. Events already streamed or delivered cannot be called back.
 */
@ApplicationScoped
class AlertErasure implements PersonalData {

    private static final List<String> STATEMENTS = List.of(
            """
            update alerts set external_id = :tombstone, company_name = null, details = '{}', version = version + 1
            where lead_id = :id""",
            """
            update events set data = cast(cast(data as jsonb)
                    || jsonb_build_object('externalId', cast(:tombstone as text), 'companyName', null, 'details', cast('{}' as jsonb))
                as text)
            where lead_id = :id""");

    @Override
    public Uni<Void> erase(Mutiny.Session session, ErasedLead lead) {
        return PersonalData.run(session, STATEMENTS, lead);
    }
}
