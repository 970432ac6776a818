package io.accord.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of an owner change made by background work on the caller's pool connection and transaction: the
 * breach detector's reassignment. The API's own assignment goes through {@link LeadLifecycleService}.
 */
@ApplicationScoped
class LeadOwnerStore {

    /** Locks the leads that nobody else holds, by primary key, in id order. */
    static final String LOCK = "select id from leads where id = any($1) order by id for update skip locked";

    Uni<Set<UUID>> lock(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery(LOCK).execute(Tuple.of((Object) ids)).map(rows -> {
            Set<UUID> locked = new HashSet<>();
            for (Row r : rows) {
                locked.add(r.getUUID("id"));
            }
            return locked;
        });
    }

    /** Sets each lead's owner (a new version) and appends an {@code assign} event with its summary. */
    Uni<Void> reassign(SqlConnection conn, Instant at, UUID[] ids, String[] owners, String actor, String[] summaries) {
        UUID[] eventIds = new UUID[ids.length];
        for (int i = 0; i < ids.length; i++) {
            eventIds[i] = UUID.randomUUID();
        }
        var when = at.atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("update leads l set owner_id = x.owner, updated_at = $3, version = l.version + 1 "
                        + "from unnest($1::uuid[], $2::text[]) as x(id, owner) where l.id = x.id")
                .execute(Tuple.of(ids, owners, when))
                .chain(() -> conn.preparedQuery("insert into lead_events (id, lead_id, at, kind, actor, summary) "
                                + "select e, l, $3, 'assign', $4, s from unnest($1::uuid[], $2::uuid[], $5::text[]) "
                                + "as x(e, l, s)")
                        .execute(Tuple.from(Arrays.asList(eventIds, ids, when, actor, summaries))))
                .replaceWithVoid();
    }
}
