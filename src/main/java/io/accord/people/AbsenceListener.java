package io.accord.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * A feature that keeps something true to a person's absences. When an absence is recorded or removed through the API,
 * the people feature calls every implementation on the writing transaction's connection, after the write, so an
 * implementation reads the absences as they now are and its own changes commit (or roll back) with the absence. The
 * people feature knows nothing of what an implementation keeps (the sla feature moves the deadlines of the clocks
 * that follow their owner's absences).
 */
public interface AbsenceListener {

    /** The absences of {@code personId} changed at {@code at}, in {@code conn}'s transaction. */
    Uni<Void> absencesChanged(SqlConnection conn, String personId, Instant at);
}
