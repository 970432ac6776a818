package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.audit.AuditLog;
import io.accord.calendar.CalendarService;
import io.accord.calendar.CalendarView;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.team.TeamService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * SLA policies: create, edit (each edit is a new revision; running clocks keep theirs), delete, and their revision
 * history. The policy's calendar is referenced by foreign key.
 */
@ApplicationScoped
public class SlaPolicyService {

    private final SlaPolicyRepository policies;
    private final SlaPolicyRevisionRepository revisions;
    private final CalendarService calendars;
    private final TeamService teams;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    public SlaPolicyService(SlaPolicyRepository policies, SlaPolicyRevisionRepository revisions,
            CalendarService calendars, TeamService teams, AuditLog audit, Clock clock, ObjectMapper json) {
        this.teams = teams;
        this.policies = policies;
        this.revisions = revisions;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @WithTransaction
    public Uni<Versioned<SlaPolicyView>> create(SlaPolicyRequest request, String actor) {
        List<FieldError> errors = SlaPolicyRules.validate(request, true);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SlaPolicyRules.Definition definition = SlaPolicyRules.normalize(request);
        return pools(request).chain(() -> calendar(definition.calendarKey())).chain(calendar -> policies.findByKey(request.key()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemKind.DUPLICATE, "An SLA policy with key '" + request.key() + "' exists");
            }
            SlaPolicy p = new SlaPolicy();
            p.id = UUID.randomUUID();
            p.key = request.key();
            p.createdAt = now();
            p.createdBy = actor;
            p.revision = 1;
            apply(p, definition, calendar);
            return policies.persist(p).call(policies::flush)
                    .call(saved -> revisions.persist(revision(saved, actor)))
                    .call(saved -> audit.record(actor, "sla_policy.created", "sla_policy", saved.key,
                            "Created SLA policy '" + saved.key + "' (revision 1, priority " + saved.priority + ")"))
                    .map(this::versioned);
        }));
    }

    @WithSession
    public Uni<Page<SlaPolicyView>> list(PageRequest page) {
        return policies.page(page).map(rows -> Page.of(rows, page, p -> new Cursor(p.createdAt, p.id), this::view));
    }

    @WithSession
    public Uni<Versioned<SlaPolicyView>> get(String key) {
        return find(key).map(this::versioned);
    }

    /** Replaces the policy; the result is a new revision. Clocks already running keep the revision they started with. */
    @WithTransaction
    public Uni<Versioned<SlaPolicyView>> update(String key, SlaPolicyRequest request, String ifMatch, String actor) {
        return find(key).chain(p -> {
            ETags.require(ifMatch, p.version);
            List<FieldError> errors = new ArrayList<>(SlaPolicyRules.validate(request, false));
            if (request.key() != null && !request.key().equals(key)) {
                errors.add(0, new FieldError("key", "must match the key in the path ('" + key + "') or be omitted"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            SlaPolicyRules.Definition definition = SlaPolicyRules.normalize(request);
            return pools(request).chain(() -> calendar(definition.calendarKey())).chain(calendar -> {
                apply(p, definition, calendar);
                p.revision++;
                return policies.flush()
                        .call(() -> revisions.persist(revision(p, actor)))
                        .call(() -> audit.record(actor, "sla_policy.updated", "sla_policy", p.key,
                                "Changed SLA policy '" + p.key + "' (now revision " + p.revision + ")"))
                        .map(v -> versioned(p));
            });
        });
    }

    /** Deletes a policy and its revisions; one whose revisions clocks still reference is refused with 409. */
    @WithTransaction
    public Uni<Void> delete(String key, String ifMatch, String actor) {
        return find(key).chain(p -> {
            ETags.require(ifMatch, p.version);
            return policies.delete(p).call(policies::flush)
                    .call(() -> audit.record(actor, "sla_policy.deleted", "sla_policy", key,
                            "Deleted SLA policy '" + key + "'"));
        });
    }

    /** The revisions in order; the cursor is the last revision number shown (opaque to clients). */
    @WithSession
    public Uni<Page<SlaPolicyRevisionView>> revisions(String key, String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, null);
        int after = decodeRevisionCursor(cursor);
        return find(key).chain(p -> revisions.page(p.id, after, page.fetchSize())).map(rows -> {
            boolean more = rows.size() > page.limit();
            List<SlaPolicyRevision> shown = more ? rows.subList(0, page.limit()) : rows;
            String next = more ? encodeRevisionCursor(shown.get(shown.size() - 1).revision) : null;
            return new Page<>(shown.stream().map(this::revisionView).toList(), next);
        });
    }

    @WithSession
    public Uni<SlaPolicyRevisionView> revision(String key, int number) {
        return find(key).chain(p -> revisions.find(p.id, number)).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Revision of SLA policy '" + key + "'", number);
            }
            return revisionView(r);
        });
    }

    /** The calendar; an unknown key is a 422 naming {@code calendarKey}. */
    private Uni<CalendarView> calendar(String key) {
        return calendars.get(key).map(Versioned::view).onFailure(ProblemException.class)
                .transform(e -> ((ProblemException) e).kind() == ProblemKind.NOT_FOUND
                        ? ProblemException.validation("calendarKey", "calendar '" + key + "' does not exist") : e);
    }

    private void apply(SlaPolicy p, SlaPolicyRules.Definition d, CalendarView calendar) {
        p.name = d.name();
        p.priority = d.priority();
        p.enabled = d.enabled();
        p.calendarId = calendar.id();
        p.calendarKey = calendar.key();
        p.businessTime = d.businessTime();
        p.conditions = PolicyJson.write(d.conditions(), json);
        p.milestones = PolicyJson.write(d.milestones().stream().map(SlaPolicyRules::spec).toList(), json);
        p.updatedAt = now();
    }

    private SlaPolicyRevision revision(SlaPolicy p, String actor) {
        SlaPolicyRevision r = new SlaPolicyRevision();
        r.id = UUID.randomUUID();
        r.policyId = p.id;
        r.revision = p.revision;
        r.key = p.key;
        r.name = p.name;
        r.priority = p.priority;
        r.enabled = p.enabled;
        r.calendarKey = p.calendarKey;
        r.businessTime = p.businessTime;
        r.conditions = p.conditions;
        r.milestones = p.milestones;
        r.createdAt = now();
        r.createdBy = actor;
        return r;
    }

    private Uni<SlaPolicy> find(String key) {
        return policies.findByKey(key).onItem().ifNull().failWith(() -> ProblemException.notFound("SLA policy", key));
    }

    private Versioned<SlaPolicyView> versioned(SlaPolicy p) {
        return new Versioned<>(view(p), p.version);
    }

    private SlaPolicyView view(SlaPolicy p) {
        return new SlaPolicyView(p.id, p.key, p.name, p.priority, p.enabled, p.calendarKey, p.businessTime,
                conditionsView(PolicyJson.conditions(p.conditions, json)), PolicyJson.specs(p.milestones, json),
                p.revision, p.createdAt, p.updatedAt);
    }

    private SlaPolicyRevisionView revisionView(SlaPolicyRevision r) {
        return new SlaPolicyRevisionView(r.key, r.revision, r.name, r.priority, r.enabled, r.calendarKey, r.businessTime,
                conditionsView(PolicyJson.conditions(r.conditions, json)), PolicyJson.specs(r.milestones, json),
                r.createdAt, r.createdBy);
    }

    static SlaPolicyRequest.Conditions conditionsView(PolicySelector.Conditions c) {
        return new SlaPolicyRequest.Conditions(c.tiers(), c.icpKeys(), c.sources(), c.countries(), c.teamKeys());
    }

    private static String encodeRevisionCursor(int revision) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("revision:" + revision).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeRevisionCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (raw.startsWith("revision:")) {
                return Integer.parseInt(raw.substring("revision:".length()));
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
    }

    /** The milestones' reassignment pools must be teams: 422 naming each one that is not. */
    private Uni<Void> pools(SlaPolicyRequest request) {
        List<FieldError> pools = SlaPolicyRules.pools(request);
        if (pools.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return teams.existingKeys(pools.stream().map(FieldError::message).toList()).invoke(existing -> {
            List<FieldError> errors = pools.stream().filter(p -> !existing.contains(p.message()))
                    .map(p -> new FieldError(p.field(), "team '" + p.message() + "' does not exist")).toList();
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }).replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
