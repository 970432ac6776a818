package io.accord.team;

import io.accord.audit.AuditLog;
import io.accord.calendar.CalendarService;
import io.accord.calendar.CalendarView;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Teams: their CRUD, and the reads other features need (does a team exist, who manages it). */
@ApplicationScoped
public class TeamService {

    private final TeamRepository repository;
    private final TeamReads reads;
    private final CalendarService calendars;
    private final AuditLog audit;
    private final Clock clock;

    public TeamService(TeamRepository repository, TeamReads reads, CalendarService calendars, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.reads = reads;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Versioned<TeamView>> create(TeamRequest request, String actor) {
        if (request.key() == null || request.key().isBlank()) {
            throw ProblemException.validation("key", "is required");
        }
        return calendar(request.calendarKey()).chain(calendar -> repository.findByKey(request.key()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemKind.DUPLICATE, "A team with key '" + request.key() + "' exists");
            }
            Team t = new Team();
            t.id = UUID.randomUUID();
            t.key = request.key();
            t.createdAt = now();
            t.createdBy = actor;
            apply(t, request, calendar);
            return repository.persist(t)
                    .call(saved -> audit.record(actor, "team.created", "team", saved.key,
                            "Created " + saved.function + " team '" + saved.key + "'"))
                    .map(this::versioned);
        }));
    }

    @WithSession
    public Uni<Page<TeamView>> list(String function, PageRequest page) {
        return repository.page(function, page).map(rows -> Page.of(rows, page, t -> new Cursor(t.createdAt, t.id), this::view));
    }

    /** One indexed query on the pool, no session: the hot read. */
    public Uni<Versioned<TeamView>> get(String key) {
        return reads.byKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", key));
    }

    @WithTransaction
    public Uni<Versioned<TeamView>> update(String key, TeamRequest request, String ifMatch, String actor) {
        return find(key).chain(t -> {
            ETags.require(ifMatch, t.version);
            if (request.key() != null && !request.key().equals(key)) {
                throw ProblemException.validation("key", "must match the key in the path ('" + key + "') or be omitted");
            }
            return calendar(request.calendarKey()).chain(calendar -> {
                apply(t, request, calendar);
                return repository.flush()
                        .call(() -> audit.record(actor, "team.updated", "team", t.key, "Changed team '" + t.key + "'"))
                        .map(v -> versioned(t));
            });
        });
    }

    /** Deletes a team; one that leads still belong to is refused with 409 by the database. */
    @WithTransaction
    public Uni<Void> delete(String key, String ifMatch, String actor) {
        return find(key).chain(t -> {
            ETags.require(ifMatch, t.version);
            return repository.delete(t).call(repository::flush)
                    .call(() -> audit.record(actor, "team.deleted", "team", key, "Deleted team '" + key + "'"));
        });
    }

    /** Which of these team keys exist. Runs in the caller's session. */
    @WithSession
    public Uni<Set<String>> existingKeys(Collection<String> keys) {
        return repository.findByKeys(Set.copyOf(keys)).map(rows -> rows.stream().map(t -> t.key).collect(Collectors.toSet()));
    }

    /** The teams with these keys, by key; unknown keys are absent. Runs in the caller's session. */
    @WithSession
    public Uni<Map<String, TeamSummary>> summaries(Collection<String> keys) {
        return repository.findByKeys(Set.copyOf(keys)).map(rows -> rows.stream()
                .collect(Collectors.toMap(t -> t.key, TeamService::summary)));
    }

    private static TeamSummary summary(Team t) {
        return new TeamSummary(t.key, t.name, t.function, t.managerId, List.of(t.members), t.calendarKey, t.ownerAbsence);
    }

    /** The named calendar, or null when none is named; an unknown key is a 422 naming {@code calendarKey}. */
    private Uni<CalendarView> calendar(String key) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return calendars.get(key).map(Versioned::view).onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).kind() == ProblemKind.NOT_FOUND
                        ? ProblemException.validation("calendarKey", "calendar '" + key + "' does not exist") : e);
    }

    private void apply(Team t, TeamRequest request, CalendarView calendar) {
        t.name = request.name().trim();
        t.function = request.function();
        t.managerId = request.managerId() == null || request.managerId().isBlank() ? null : request.managerId().trim();
        t.members = request.members() == null ? new String[0]
                : new LinkedHashSet<>(request.members().stream().map(String::trim).toList()).toArray(String[]::new);
        t.calendarId = calendar == null ? null : calendar.id();
        t.calendarKey = calendar == null ? null : calendar.key();
        t.ownerAbsence = request.ownerAbsence() == null ? "keep_running" : request.ownerAbsence();
        t.updatedAt = now();
    }

    private Uni<Team> find(String key) {
        return repository.findByKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("Team", key));
    }

    private Versioned<TeamView> versioned(Team t) {
        return new Versioned<>(view(t), t.version);
    }

    private TeamView view(Team t) {
        return new TeamView(t.id, t.key, t.name, t.function, t.managerId, List.of(t.members), t.calendarKey, t.ownerAbsence,
                t.createdAt, t.updatedAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
