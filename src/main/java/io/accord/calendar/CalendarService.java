package io.accord.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business calendars: their CRUD, and the single place where Accord turns a calendar into business-time answers.
 * Other features get a {@link BusinessCalendar} through {@link #calendar(String)}.
 */
@ApplicationScoped
public class CalendarService {

    private static final TypeReference<List<CalendarRequest.Hours>> HOURS = new TypeReference<>() {
    };
    private static final TypeReference<List<CalendarRequest.Holiday>> HOLIDAYS = new TypeReference<>() {
    };

    private final CalendarRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    /** Compiled calendars by id; an entry is used only while its version is current. */
    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    public CalendarService(CalendarRepository repository, AuditLog audit, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @WithTransaction
    public Uni<Versioned<CalendarView>> create(CalendarRequest request, String actor) {
        List<FieldError> errors = new ArrayList<>(validate(request));
        if (request.key() == null || request.key().isBlank()) {
            errors.add(0, new FieldError("key", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return repository.findByKey(request.key()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemKind.DUPLICATE, "A calendar with key '" + request.key() + "' exists");
            }
            CalendarDefinition c = new CalendarDefinition();
            c.id = UUID.randomUUID();
            c.key = request.key();
            c.createdAt = now();
            c.createdBy = actor;
            apply(c, request);
            return repository.persist(c)
                    .call(saved -> audit.record(actor, "calendar.created", "calendar", saved.key,
                            "Created calendar '" + saved.key + "' in " + saved.timeZone))
                    .map(this::versioned);
        });
    }

    @WithSession
    public Uni<Page<CalendarView>> list(PageRequest page) {
        return repository.page(page).map(rows -> Page.of(rows, page, c -> new Cursor(c.createdAt, c.id), this::view));
    }

    @WithSession
    public Uni<Versioned<CalendarView>> get(String key) {
        return find(key).map(this::versioned);
    }

    @WithTransaction
    public Uni<Versioned<CalendarView>> update(String key, CalendarRequest request, String ifMatch, String actor) {
        List<FieldError> errors = new ArrayList<>(validate(request));
        if (request.key() != null && !request.key().equals(key)) {
            errors.add(0, new FieldError("key", "must match the key in the path ('" + key + "') or be omitted"));
        }
        return find(key).chain(c -> {
            ETags.require(ifMatch, c.version);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            apply(c, request);
            return repository.flush()
                    .call(() -> audit.record(actor, "calendar.updated", "calendar", c.key,
                            "Changed calendar '" + c.key + "' (" + c.timeZone + ")"))
                    .map(v -> versioned(c));
        });
    }

    /** Deletes a calendar; one still referenced (by an SLA policy or a team) is refused with 409 by the database. */
    @WithTransaction
    public Uni<Void> delete(String key, String ifMatch, String actor) {
        return find(key).chain(c -> {
            ETags.require(ifMatch, c.version);
            return repository.delete(c).call(repository::flush)
                    .call(() -> audit.record(actor, "calendar.deleted", "calendar", key, "Deleted calendar '" + key + "'"));
        });
    }

    /** The compiled calendar for a key, for business-time answers here and for SLA deadlines. */
    @WithSession
    public Uni<BusinessCalendar> calendar(String key) {
        return find(key).map(this::compile);
    }

    /**
     * The compiled calendar for a key, read on {@code client} (a pool connection inside the caller's transaction, for
     * background work that runs without a Hibernate session); null when there is no such calendar.
     */
    public Uni<BusinessCalendar> calendar(SqlClient client, String key) {
        return CalendarReads.byKey(client, key).map(c -> c == null ? null : compile(c));
    }

    public Uni<CalendarAnswers.DueDate> due(String key, Instant start, Duration duration) {
        checkDuration(duration);
        return calendar(key).map(cal -> new CalendarAnswers.DueDate(start, duration.toString(), deadline(cal, start, duration)));
    }

    public Uni<CalendarAnswers.BusinessTime> businessTime(String key, Instant from, Instant to) {
        return calendar(key).map(cal -> new CalendarAnswers.BusinessTime(from, to, cal.businessTime(from, to).toString()));
    }

    public Uni<CalendarAnswers.OpenState> isOpen(String key, Instant at) {
        return calendar(key).map(cal -> new CalendarAnswers.OpenState(at, cal.isOpen(at), cal.nextChange(at).orElse(null)));
    }

    /** {@code due} with the no-business-time case as a 422 problem. */
    public static Instant deadline(BusinessCalendar calendar, Instant start, Duration duration) {
        try {
            return calendar.due(start, duration);
        } catch (NoBusinessTimeException e) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE,
                    "The calendar has no business time within 10 years of " + start);
        }
    }

    /** Durations are positive, whole seconds, and at most 366 days of business time. */
    static void checkDuration(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw ProblemException.badParameter("duration", "must be positive");
        }
        if (duration.getNano() != 0) {
            throw ProblemException.badParameter("duration", "must be whole seconds");
        }
        if (duration.compareTo(BusinessCalendar.MAX_DURATION) > 0) {
            throw ProblemException.badParameter("duration", "must be at most 366 days (P366D)");
        }
    }

    private List<FieldError> validate(CalendarRequest request) {
        List<CalendarRules.IntervalSpec> hours = request.hours() == null ? List.of()
                : request.hours().stream().map(h -> new CalendarRules.IntervalSpec(h.day(), h.start(), h.end())).toList();
        List<CalendarRules.HolidaySpec> holidays = request.holidays() == null ? List.of()
                : request.holidays().stream().map(h -> new CalendarRules.HolidaySpec(h.date())).toList();
        return CalendarRules.validate(request.timeZone(), hours, holidays);
    }

    private void apply(CalendarDefinition c, CalendarRequest request) {
        c.name = request.name().trim();
        c.timeZone = request.timeZone();
        c.hours = write(request.hours());
        c.holidays = write(request.holidays() == null ? List.of() : request.holidays());
        c.updatedAt = now();
    }

    private BusinessCalendar compile(CalendarDefinition c) {
        Compiled hit = compiled.get(c.id);
        if (hit != null && hit.version() == c.version) {
            return hit.calendar();
        }
        List<CalendarRules.IntervalSpec> hours = read(c.hours, HOURS).stream()
                .map(h -> new CalendarRules.IntervalSpec(h.day(), h.start(), h.end())).toList();
        List<CalendarRules.HolidaySpec> holidays = read(c.holidays, HOLIDAYS).stream()
                .map(h -> new CalendarRules.HolidaySpec(h.date())).toList();
        BusinessCalendar calendar = CalendarRules.toCalendar(c.timeZone, hours, holidays);
        compiled.put(c.id, new Compiled(c.version, calendar));
        return calendar;
    }

    private Uni<CalendarDefinition> find(String key) {
        return repository.findByKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("Calendar", key));
    }

    private Versioned<CalendarView> versioned(CalendarDefinition c) {
        return new Versioned<>(view(c), c.version);
    }

    private CalendarView view(CalendarDefinition c) {
        return new CalendarView(c.id, c.key, c.name, c.timeZone, read(c.hours, HOURS), read(c.holidays, HOLIDAYS),
                compile(c).weeklyBusinessTime().toString(), c.createdAt, c.updatedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored calendar JSON is unreadable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Compiled(long version, BusinessCalendar calendar) {
    }
}
