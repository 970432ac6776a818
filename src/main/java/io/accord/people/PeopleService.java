package io.accord.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.audit.AuditLog;
import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarRequest;
import io.accord.calendar.CalendarRules;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.team.TeamService;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People and their absences: CRUD (by id, If-Match, audited) on the reactive pool. People are written by the API and,
 * through {@link PeopleDirectory}, by the breach detector's transaction (rotations, absences), so the feature uses one
 * persistence way for both ({@link PeopleStore}).
 */
@ApplicationScoped
public class PeopleService {

    private static final TypeReference<List<CalendarRequest.Hours>> HOURS = new TypeReference<>() {
    };

    private final Pool pool;
    private final PeopleStore store;
    private final TeamService teams;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final List<AbsenceListener> absenceListeners;
    /** Compiled personal calendars by person id; an entry is used only while its version is current. */
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    PeopleService(Pool pool, PeopleStore store, TeamService teams, AuditLog audit, Clock clock, ObjectMapper json,
            @All List<AbsenceListener> absenceListeners) {
        this.pool = pool;
        this.store = store;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.absenceListeners = absenceListeners;
    }

    /** A create or replace request whose rules and team references have been checked. */
    public record Checked(String id, PeopleStore.Settings settings) {
    }

    /** Checks a create request (id required) or a replace ({@code pathId} given; a body id must match). */
    public Uni<Checked> check(PersonRequest request, String pathId) {
        List<FieldError> errors = new ArrayList<>();
        String id = pathId;
        if (pathId == null) {
            if (request.id() == null || request.id().isBlank()) {
                errors.add(new FieldError("id", "is required"));
            }
            id = request.id();
        } else if (request.id() != null && !request.id().equals(pathId)) {
            errors.add(new FieldError("id", "must match the id in the path ('" + pathId + "') or be omitted"));
        }
        PersonRequest.Calendar cal = request.calendar();
        if (cal != null) {
            List<CalendarRules.IntervalSpec> hours = cal.hours() == null ? List.of()
                    : cal.hours().stream().map(h -> new CalendarRules.IntervalSpec(h.day(), h.start(), h.end())).toList();
            for (FieldError e : CalendarRules.validate(cal.timeZone(), hours, null)) {
                errors.add(new FieldError("calendar." + e.field(), e.message()));
            }
        }
        List<String> teamKeys = request.teams() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.teams().stream().map(String::trim).toList()));
        String finalId = id;
        return teams.existingKeys(teamKeys).map(existing -> {
            for (int i = 0; request.teams() != null && i < request.teams().size(); i++) {
                String key = request.teams().get(i).trim();
                if (!existing.contains(key)) {
                    errors.add(new FieldError("teams[" + i + "]", "team '" + key + "' does not exist"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
            return new Checked(finalId, new PeopleStore.Settings(request.name().trim(), email,
                    cal == null ? null : cal.timeZone(), cal == null ? null : write(cal.hours()),
                    request.active() == null || request.active(), teamKeys.stream().sorted().toArray(String[]::new)));
        });
    }

    /** Creates a checked person on {@code conn}'s transaction (so an Idempotency-Key claim can share it). */
    public Uni<Versioned<PersonView>> create(SqlConnection conn, Checked checked, String actor) {
        Instant now = now();
        return store.insert(conn, checked.id(), checked.settings(), now, actor).chain(p -> {
            if (p == null) {
                throw new ProblemException(ProblemKind.DUPLICATE, "A person with id '" + checked.id() + "' exists");
            }
            return audit.record(conn, now, actor, "person.created", "person", p.id(), "Created person '" + p.id()
                    + "'" + (p.teams().isEmpty() ? "" : " in " + String.join(", ", p.teams()))).replaceWith(versioned(p));
        });
    }

    public Uni<Page<PersonView>> list(String teamKey, PageRequest page) {
        return store.page(teamKey, page).map(rows -> Page.of(rows, page, p -> new Cursor(p.createdAt(), p.uid()),
                this::view));
    }

    public Uni<Versioned<PersonView>> get(String id) {
        return store.find(id).map(p -> versioned(require(p, id)));
    }

    public Uni<Versioned<PersonView>> update(String id, PersonRequest request, String ifMatch, String actor) {
        // 404 and If-Match come before the body's problems.
        return store.find(id).invoke(p -> ETags.require(ifMatch, require(p, id).version()))
                .chain(() -> check(request, id))
                .chain(checked -> pool.withTransaction(conn -> store.find(conn, id, true).chain(p -> {
                    ETags.require(ifMatch, require(p, id).version());
                    Instant now = now();
                    return store.update(conn, id, checked.settings(), now)
                            .call(updated -> audit.record(conn, now, actor, "person.updated", "person", id,
                                    "Changed person '" + id + "'"))
                            .map(this::versioned);
                })));
    }

    /** Deletes a person with their memberships and absences; leads keep the owner id. */
    public Uni<Void> delete(String id, String ifMatch, String actor) {
        return pool.withTransaction(conn -> store.find(conn, id, true).chain(p -> {
            ETags.require(ifMatch, require(p, id).version());
            Instant now = now();
            return store.delete(conn, id).call(() -> audit.record(conn, now, actor, "person.deleted", "person", id,
                    "Deleted person '" + id + "'"));
        }));
    }

    /**
     * Records an absence on {@code conn}'s transaction; 404 for an unknown person, 422 when it ends before it starts.
     * Every {@link AbsenceListener} hears of it in that transaction.
     */
    public Uni<AbsenceView> addAbsence(SqlConnection conn, String personId, AbsenceRequest request, String actor) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ProblemException.validation("endsAt", "must be after startsAt");
        }
        Instant now = now();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        return store.find(conn, personId, true).chain(p -> {
            require(p, personId);
            return store.insertAbsence(conn, personId, request.startsAt().truncatedTo(ChronoUnit.MICROS),
                            request.endsAt().truncatedTo(ChronoUnit.MICROS), reason, now, actor)
                    .call(a -> audit.record(conn, now, actor, "person.absence_added", "person", personId,
                            "Absent " + a.startsAt() + " to " + a.endsAt() + (reason == null ? "" : ": " + reason)))
                    .call(() -> absencesChanged(conn, personId, now, 0))
                    .map(PeopleService::view);
        });
    }

    public Uni<Page<AbsenceView>> absences(String personId, PageRequest page) {
        return store.find(personId).chain(p -> {
            require(p, personId);
            return store.absences(personId, page);
        }).map(rows -> Page.of(rows, page, a -> new Cursor(a.createdAt(), a.id()), PeopleService::view));
    }

    /** Removes an absence; every {@link AbsenceListener} hears of it in the same transaction. */
    public Uni<Void> deleteAbsence(String personId, UUID absenceId, String actor) {
        // The person's row is locked as when recording one, so the listeners of two changes read each other's.
        return pool.withTransaction(conn -> store.find(conn, personId, true)
                .chain(() -> store.findAbsence(conn, personId, absenceId)).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("Absence", absenceId);
            }
            Instant now = now();
            return store.deleteAbsence(conn, absenceId).call(() -> audit.record(conn, now, actor,
                    "person.absence_deleted", "person", personId, "Removed absence " + a.startsAt() + " to "
                            + a.endsAt())).call(() -> absencesChanged(conn, personId, now, 0));
        }));
    }

    /** Tells the listeners, one after the other, on the writing connection. */
    private Uni<Void> absencesChanged(SqlConnection conn, String personId, Instant at, int i) {
        return i == absenceListeners.size() ? Uni.createFrom().voidItem()
                : absenceListeners.get(i).absencesChanged(conn, personId, at)
                        .chain(() -> absencesChanged(conn, personId, at, i + 1));
    }

    /** The person's compiled calendar, or null when they have none (compiled once per version). */
    BusinessCalendar calendar(String personId, long version, String timeZone, String hoursJson) {
        if (timeZone == null || hoursJson == null) {
            return null;
        }
        Compiled hit = compiled.get(personId);
        if (hit != null && hit.version() == version && hit.hours().equals(hoursJson)) {
            return hit.calendar();
        }
        List<CalendarRules.IntervalSpec> hours = read(hoursJson).stream()
                .map(h -> new CalendarRules.IntervalSpec(h.day(), h.start(), h.end())).toList();
        BusinessCalendar calendar = CalendarRules.toCalendar(timeZone, hours, List.of());
        compiled.put(personId, new Compiled(version, hoursJson, calendar));
        return calendar;
    }

    private static Person require(Person p, String id) {
        if (p == null) {
            throw ProblemException.notFound("Person", id);
        }
        return p;
    }

    private Versioned<PersonView> versioned(Person p) {
        return new Versioned<>(view(p), p.version());
    }

    private PersonView view(Person p) {
        PersonRequest.Calendar cal = p.timeZone() == null ? null : new PersonRequest.Calendar(p.timeZone(), read(p.hours()));
        return new PersonView(p.id(), p.name(), p.email(), p.teams(), cal, p.active(), p.createdAt(), p.updatedAt());
    }

    static AbsenceView view(PeopleStore.StoredAbsence a) {
        return new AbsenceView(a.id(), a.personId(), a.startsAt(), a.endsAt(), a.reason(), a.createdAt(), a.createdBy());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CalendarRequest.Hours> read(String value) {
        try {
            return json.readValue(value, HOURS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored personal calendar JSON is unreadable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Compiled(long version, String hours, BusinessCalendar calendar) {
    }
}
