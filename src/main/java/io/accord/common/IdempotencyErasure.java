package io.accord.common;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * An erased lead's copies among the stored Idempotency-Key responses: those of its pushes (201 by Location, 200 by
 * body) and of its touches (by Location, which is absolute). A retry with the same key then runs again instead of
 * replaying the erased data.
 */
@ApplicationScoped
class IdempotencyErasure implements PersonalData {

    private static final List<String> STATEMENTS = List.of("""
            delete from idempotency_keys
            where location like '%/api/v1/leads/' || :idText || '%'
               or (body like '%"id":"' || :idText || '"%' and body like '%"externalId"%')""");

    @Override
    public Uni<Void> erase(Mutiny.Session session, ErasedLead lead) {
        return PersonalData.run(session, STATEMENTS, lead);
    }
}
