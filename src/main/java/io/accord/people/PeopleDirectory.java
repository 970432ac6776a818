package io.accord.people;

import io.accord.calendar.BusinessCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What other features read about people, and what the breach detector does with them in its own transaction: a
 * person's calendar and absences, a team's pool with its round-robin position, and the writes a reassignment makes
 * (the pool's new position, an owner marked unavailable).
 */
@ApplicationScoped
public class PeopleDirectory {

    /** The statements the breach detector runs here (checked by ScheduledQueryPlansTest). */
    public static final String POOL_MEMBERS = PeopleStore.POOL_MEMBERS;
    public static final String ABSENT_AT = PeopleStore.ABSENT_AT;
    public static final String LOCK_ROTATION = PeopleStore.LOCK_ROTATION;

    /** Who records the absences a breach makes ({@code markOwnerUnavailableFor}). */
    public static final String SLA_ACTOR = "accord:sla";

    /** A member of a pool as availability sees them at one instant. */
    public record Member(String id, List<Availability.Absence> absences, BusinessCalendar calendar) {

        public boolean available(boolean requireHours, Instant at) {
            return Availability.available(true, absences, calendar, requireHours, at);
        }
    }

    /**
     * A pool locked for the caller's transaction: its active members (sorted by id), each with the absences holding
     * the instant it was read for and their own calendar, and who was assigned last.
     */
    public record Pool(String teamKey, String last, Map<String, Member> members) {

        public List<String> memberIds() {
            return List.copyOf(members.keySet());
        }
    }

    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final PeopleStore store;
    private final PeopleService people;

    PeopleDirectory(io.vertx.mutiny.sqlclient.Pool pool, PeopleStore store, PeopleService people) {
        this.pool = pool;
        this.store = store;
        this.people = people;
    }

    /** The person's own calendar; empty when the person is unknown or has none (they follow the team's). */
    public Uni<Optional<BusinessCalendar>> personalCalendar(String personId) {
        return personalCalendar(pool, personId);
    }

    /** {@link #personalCalendar(String)} read on {@code client} (a connection in the caller's transaction). */
    public Uni<Optional<BusinessCalendar>> personalCalendar(SqlClient client, String personId) {
        return store.find(client, personId, false).map(p -> p == null ? Optional.empty()
                : Optional.ofNullable(people.calendar(p.id(), p.version(), p.timeZone(), p.hours())));
    }

    /** The person's absences overlapping [from, to), by start. */
    public Uni<List<Availability.Absence>> absences(String personId, Instant from, Instant to) {
        return absences(pool, personId, from, to);
    }

    /**
     * {@link #absences(String, Instant, Instant)} read on {@code client}: on the connection of a transaction that
     * changed them, the absences as they are now.
     */
    public Uni<List<Availability.Absence>> absences(SqlClient client, String personId, Instant from, Instant to) {
        return store.overlapping(client, personId, from, to)
                .map(rows -> rows.stream().map(a -> new Availability.Absence(a.startsAt(), a.endsAt())).toList());
    }

    /** The keys of the teams the person belongs to, sorted; empty for an unknown person. */
    public Uni<List<String>> memberships(String personId) {
        return store.find(personId).map(p -> p == null ? List.of() : p.teams());
    }

    /**
     * Locks the pool's round-robin row for the rest of {@code conn}'s transaction and reads its active members with
     * the absences holding {@code at}. A pool that is not a team has no members.
     */
    public Uni<Pool> lockPool(SqlConnection conn, String teamKey, Instant at) {
        return store.lockRotation(conn, teamKey, at).chain(last -> store.poolMembers(conn, teamKey).chain(rows -> {
            Map<String, Row> byId = new java.util.TreeMap<>();
            rows.forEach(r -> byId.put(r.getString("id"), r));
            if (byId.isEmpty()) {
                return Uni.createFrom().item(new Pool(teamKey, last, Map.of()));
            }
            return store.absentAt(conn, byId.keySet().toArray(String[]::new), at).map(absentRows -> {
                Map<String, List<Availability.Absence>> absences = new HashMap<>();
                for (Row r : absentRows) {
                    absences.computeIfAbsent(r.getString("person_id"), k -> new ArrayList<>()).add(
                            new Availability.Absence(r.getOffsetDateTime("starts_at").toInstant(),
                                    r.getOffsetDateTime("ends_at").toInstant()));
                }
                Map<String, Member> members = new java.util.LinkedHashMap<>();
                byId.forEach((id, r) -> members.put(id, new Member(id, absences.getOrDefault(id, List.of()),
                        people.calendar(id, r.getLong("version"), r.getString("time_zone"), r.getString("hours")))));
                return new Pool(teamKey, last, members);
            });
        }));
    }

    /** Moves the pool's round-robin position to {@code last}, in {@code conn}'s transaction. */
    public Uni<Void> rotated(SqlConnection conn, String teamKey, String last, Instant at) {
        return store.rotated(conn, teamKey, last, at);
    }

    /**
     * Marks people unavailable from {@code at} for the given durations (one absence each, reason {@code reason},
     * recorded by {@link #SLA_ACTOR}), in {@code conn}'s transaction; ids that are not people are skipped.
     */
    public Uni<Integer> markUnavailable(SqlConnection conn, Instant at, List<String> personIds, List<Duration> durations,
            String reason) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime[] ends = new OffsetDateTime[personIds.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = at.plus(durations.get(i)).atOffset(ZoneOffset.UTC);
        }
        return store.insertAbsences(conn, personIds.toArray(String[]::new), at, ends, reason, SLA_ACTOR);
    }

    /** Whether these ids are all people (for tests and checks). */
    Uni<Set<String>> existing(List<String> ids) {
        return store.findAll(pool, ids.toArray(String[]::new))
                .map(rows -> Set.copyOf(rows.stream().map(Person::id).toList()));
    }
}
