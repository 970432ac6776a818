package io.accord.team;

import io.accord.common.Versioned;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Team reads on the hot path: one prepared statement on the pool, mapped straight to the view. */
@ApplicationScoped
class TeamReads {

    static final String BY_KEY = "select id, key, name, function, manager_id, members, calendar_key, created_at, "
            + "updated_at, version, owner_absence from teams where key = $1";

    private final Pool pool;

    TeamReads(Pool pool) {
        this.pool = pool;
    }

    /** The team and its version, or null. */
    Uni<Versioned<TeamView>> byKey(String key) {
        return pool.preparedQuery(BY_KEY).execute(Tuple.of(key)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            return new Versioned<>(new TeamView(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4), List.of(r.getArrayOfStrings(5)), r.getString(6), r.getString(10),
                    r.getOffsetDateTime(7).toInstant(), r.getOffsetDateTime(8).toInstant()), r.getLong(9));
        });
    }
}
