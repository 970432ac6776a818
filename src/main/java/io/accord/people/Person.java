package io.accord.people;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored person, as read from {@code people} with their memberships (sorted team keys). */
record Person(String id, UUID uid, String name, String email, String timeZone, String hours, boolean active,
        List<String> teams, Instant createdAt, Instant updatedAt, long version) {

    static final String COLUMNS = "p.id, p.uid, p.name, p.email, p.time_zone, p.hours, p.active, "
            + "array(select m.team_key from people_memberships m where m.person_id = p.id order by m.team_key) as teams, "
            + "p.created_at, p.updated_at, p.version";

    static Person of(Row r) {
        String[] teams = r.getArrayOfStrings("teams");
        return new Person(r.getString("id"), r.getUUID("uid"), r.getString("name"), r.getString("email"),
                r.getString("time_zone"), r.getString("hours"), r.getBoolean("active"),
                teams == null ? List.of() : List.of(teams), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant(), r.getLong("version"));
    }
}
