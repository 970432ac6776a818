package io.accord.sla;

import io.accord.common.PersonalData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** An erased lead's copies in the SLA feature: the reasons of its holds, which its clocks' pauses keep. */
@ApplicationScoped
class ClockPauseErasure implements PersonalData {

    private static final List<String> STATEMENTS = List.of("""
            update sla_clock_pauses set reason = '(erased)'
            where clock_id in (select id from sla_clocks where lead_id = :id)""");

    @Override
    public Uni<Void> erase(Mutiny.Session session, ErasedLead lead) {
        return PersonalData.run(session, STATEMENTS, lead);
    }
}
