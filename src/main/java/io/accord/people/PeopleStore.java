package io.accord.people;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The people feature's tables ({@code people}, {@code people_memberships}, {@code people_absences},
 * {@code people_rotations}) on the reactive pool: the API's CRUD, and the breach detector's reads and writes on its
 * own transaction's connection.
 */
@ApplicationScoped
class PeopleStore {

    /** A person's settings as written. */
    record Settings(String name, String email, String timeZone, String hours, boolean active, String[] teams) {
    }

    /** An absence as stored. */
    record StoredAbsence(UUID id, String personId, Instant startsAt, Instant endsAt, String reason, Instant createdAt,
            String createdBy) {

        static final String COLUMNS = "id, person_id, starts_at, ends_at, reason, created_at, created_by";

        static StoredAbsence of(Row r) {
            return new StoredAbsence(r.getUUID("id"), r.getString("person_id"),
                    r.getOffsetDateTime("starts_at").toInstant(), r.getOffsetDateTime("ends_at").toInstant(),
                    r.getString("reason"), r.getOffsetDateTime("created_at").toInstant(), r.getString("created_by"));
        }
    }

    /** The active members of a pool, with what availability needs; served by the memberships' primary key. */
    static final String POOL_MEMBERS = "select p.id, p.active, p.time_zone, p.hours, p.version from people_memberships m "
            + "join people p on p.id = m.person_id where m.team_key = $1 and p.active order by p.id";

    /** The absences of these people holding {@code $2}; served by {@code people_absences_overlap}. */
    static final String ABSENT_AT = "select person_id, starts_at, ends_at from people_absences "
            + "where person_id = any($1) and ends_at > $2 and starts_at <= $2";

    /** Locks a pool's round-robin row (made first if missing). */
    static final String LOCK_ROTATION = "select last_person_id from people_rotations where team_key = $1 for update";

    private final Pool pool;

    PeopleStore(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a person and their memberships; null when the id is taken. */
    Uni<Person> insert(SqlConnection conn, String id, Settings s, Instant now, String actor) {
        return conn.preparedQuery("insert into people (id, uid, name, email, time_zone, hours, active, created_at, "
                        + "created_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) "
                        + "on conflict (id) do nothing returning id")
                .execute(Tuple.from(Arrays.asList(id, UUID.randomUUID(), s.name(), s.email(), s.timeZone(), s.hours(),
                        s.active(), utc(now), actor)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : memberships(conn, id, s.teams()).chain(() -> find(conn, id, false)));
    }

    /** Replaces a person's settings and memberships and bumps their version. */
    Uni<Person> update(SqlConnection conn, String id, Settings s, Instant now) {
        return conn.preparedQuery("update people set name = $2, email = $3, time_zone = $4, hours = $5, active = $6, "
                        + "updated_at = $7, version = version + 1 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, s.name(), s.email(), s.timeZone(), s.hours(), s.active(),
                        utc(now))))
                .chain(() -> conn.preparedQuery("delete from people_memberships where person_id = $1")
                        .execute(Tuple.of(id)))
                .chain(() -> memberships(conn, id, s.teams()))
                .chain(() -> find(conn, id, false));
    }

    private Uni<Void> memberships(SqlConnection conn, String id, String[] teams) {
        if (teams.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into people_memberships (team_key, person_id) "
                        + "select t, $2 from unnest($1::text[]) as t on conflict do nothing")
                .execute(Tuple.of(teams, id)).replaceWithVoid();
    }

    Uni<Void> delete(SqlConnection conn, String id) {
        return conn.preparedQuery("delete from people where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The person, or null; {@code forUpdate} locks the row in {@code client}'s transaction. */
    Uni<Person> find(SqlClient client, String id, boolean forUpdate) {
        return client.preparedQuery("select " + Person.COLUMNS + " from people p where p.id = $1"
                        + (forUpdate ? " for update of p" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : Person.of(rows.iterator().next()));
    }

    Uni<Person> find(String id) {
        return find(pool, id, false);
    }

    /** One page in creation order, optionally only the members of a team. */
    Uni<List<Person>> page(String teamKey, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(Person.COLUMNS).append(" from people p where true");
        if (teamKey != null) {
            args.add(teamKey);
            sql.append(" and exists (select 1 from people_memberships m where m.team_key = $").append(args.size())
                    .append(" and m.person_id = p.id)");
        }
        if (page.after() != null) {
            sql.append(" and ").append(Keyset.sql("p.created_at", "p.uid", page.after(), args));
        }
        sql.append(" order by p.created_at, p.uid limit ").append(page.fetchSize());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Person> out = new ArrayList<>();
            rows.forEach(r -> out.add(Person.of(r)));
            return out;
        });
    }

    /** The people among {@code ids} that exist, with their memberships. */
    Uni<List<Person>> findAll(SqlClient client, String[] ids) {
        return client.preparedQuery("select " + Person.COLUMNS + " from people p where p.id = any($1) order by p.id")
                .execute(Tuple.of((Object) ids)).map(rows -> {
                    List<Person> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Person.of(r)));
                    return out;
                });
    }

    Uni<StoredAbsence> insertAbsence(SqlConnection conn, String personId, Instant startsAt, Instant endsAt,
            String reason, Instant now, String actor) {
        return conn.preparedQuery("insert into people_absences (" + StoredAbsence.COLUMNS + ") values ($1, $2, $3, $4, "
                        + "$5, $6, $7) returning " + StoredAbsence.COLUMNS)
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), personId, utc(startsAt), utc(endsAt), reason,
                        utc(now), actor)))
                .map(rows -> StoredAbsence.of(rows.iterator().next()));
    }

    /**
     * Records one absence per entry, [at, ends[i]), for the people that exist (others are skipped); answers how many
     * were recorded.
     */
    Uni<Integer> insertAbsences(SqlConnection conn, String[] personIds, Instant at, OffsetDateTime[] ends,
            String reason, String actor) {
        UUID[] ids = new UUID[personIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
        }
        return conn.preparedQuery("insert into people_absences (" + StoredAbsence.COLUMNS + ") "
                        + "select x.id, x.person, $3, x.ends, $4, $3, $5 "
                        + "from unnest($1::uuid[], $2::text[], $6::timestamptz[]) as x(id, person, ends) "
                        + "join people p on p.id = x.person")
                .execute(Tuple.from(Arrays.asList(ids, personIds, utc(at), reason, actor, ends)))
                .map(RowSet::rowCount);
    }

    Uni<List<StoredAbsence>> absences(String personId, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(personId));
        String after = page.after() == null ? "" : " and " + Keyset.sql("created_at", "id", page.after(), args);
        return pool.preparedQuery("select " + StoredAbsence.COLUMNS + " from people_absences where person_id = $1"
                        + after + " order by created_at, id limit " + page.fetchSize())
                .execute(Tuple.from(args)).map(PeopleStore::absences);
    }

    /** The absences of a person overlapping [from, to). */
    Uni<List<StoredAbsence>> overlapping(SqlClient client, String personId, Instant from, Instant to) {
        return client.preparedQuery("select " + StoredAbsence.COLUMNS + " from people_absences where person_id = $1 "
                        + "and ends_at > $2 and starts_at < $3 order by starts_at, id")
                .execute(Tuple.of(personId, utc(from), utc(to))).map(PeopleStore::absences);
    }

    /** The absence, or null. */
    Uni<StoredAbsence> findAbsence(SqlClient client, String personId, UUID id) {
        return client.preparedQuery("select " + StoredAbsence.COLUMNS + " from people_absences where id = $1 "
                        + "and person_id = $2").execute(Tuple.of(id, personId))
                .map(rows -> rows.size() == 0 ? null : StoredAbsence.of(rows.iterator().next()));
    }

    Uni<Void> deleteAbsence(SqlConnection conn, UUID id) {
        return conn.preparedQuery("delete from people_absences where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** A pool's round-robin row, locked for the rest of the transaction (made when missing): the last assigned id. */
    Uni<String> lockRotation(SqlConnection conn, String teamKey, Instant now) {
        return conn.preparedQuery("insert into people_rotations (team_key, updated_at) "
                        + "select $1, $2 where exists (select 1 from teams where key = $1) on conflict do nothing")
                .execute(Tuple.of(teamKey, utc(now)))
                .chain(() -> conn.preparedQuery(LOCK_ROTATION).execute(Tuple.of(teamKey)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("last_person_id"));
    }

    Uni<Void> rotated(SqlConnection conn, String teamKey, String last, Instant now) {
        return conn.preparedQuery("update people_rotations set last_person_id = $2, updated_at = $3 where team_key = $1")
                .execute(Tuple.of(teamKey, last, utc(now))).replaceWithVoid();
    }

    /** The active members of a pool, sorted by id. */
    Uni<RowSet<Row>> poolMembers(SqlClient client, String teamKey) {
        return client.preparedQuery(POOL_MEMBERS).execute(Tuple.of(teamKey));
    }

    /** The absences of these people holding {@code at}. */
    Uni<RowSet<Row>> absentAt(SqlClient client, String[] personIds, Instant at) {
        return client.preparedQuery(ABSENT_AT).execute(Tuple.of(personIds, utc(at)));
    }

    private static List<StoredAbsence> absences(RowSet<Row> rows) {
        List<StoredAbsence> out = new ArrayList<>();
        rows.forEach(r -> out.add(StoredAbsence.of(r)));
        return out;
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
