package io.accord.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.FieldError;
import io.accord.common.JsonPaths;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.icp.LeadAttributes;
import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.Outcome;
import io.accord.lead.LeadLifecycle.Status;
import io.accord.team.TeamService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Leads: intake (single and bulk, idempotent by source and external id), the lifecycle actions, touches, and the
 * reads other features need. Every change to a lead, its SLA clocks ({@link LeadClocks}) and its audit entry commit
 * together.
 */
@ApplicationScoped
public class LeadService {

    /** The most items a bulk push may carry. */
    public static final int MAX_BULK = 1000;
    /** How far in the future a touch's {@code occurredAt} may be (clock skew). */
    static final Duration TOUCH_SKEW = Duration.ofMinutes(1);
    /** The timeline shows at most this many touches (the most recent). */
    static final int TIMELINE_TOUCHES = 500;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The result of a single intake: the lead, and whether it was created (201) or updated (200). */
    public record Ingested(Versioned<LeadView> lead, boolean created) {
    }

    /** One pushed lead on its way through intake; {@code problem} set once it failed. */
    private static final class Item {
        final int index;
        final String prefix;
        LeadRequest request;
        Problem problem;
        LeadFit fit;
        LeadIntakeRepository.Row row;
        LeadIntakeRepository.Written written;
        LeadClocks.HandOff handOff;

        Item(int index, String prefix, LeadRequest request) {
            this.index = index;
            this.prefix = prefix;
            this.request = request;
        }

        String key() {
            return request.source() + '\u0000' + request.externalId();
        }
    }

    private final LeadRepository leads;
    private final LeadReads reads;
    private final LeadIntakeRepository intake;
    private final LeadTouchRepository touches;
    private final LeadEventRepository events;
    private final LeadErasure erasure;
    private final LeadFitEvaluator fits;
    private final TeamService teams;
    private final LeadClocks clocks;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    public LeadService(LeadRepository leads, LeadReads reads, LeadIntakeRepository intake, LeadTouchRepository touches,
            LeadEventRepository events, LeadErasure erasure, LeadFitEvaluator fits, TeamService teams, LeadClocks clocks,
            AuditLog audit, Clock clock, ObjectMapper json) {
        this.leads = leads;
        this.reads = reads;
        this.intake = intake;
        this.touches = touches;
        this.events = events;
        this.erasure = erasure;
        this.fits = fits;
        this.teams = teams;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------------------------------------- intake

    /**
     * Pushed leads, bound, validated and scored against the active ICPs, ready to be written by {@link #ingest} or
     * {@link #ingestBulk}. Preparing needs no transaction.
     */
    public static final class Intake {
        private final List<Item> items;

        private Intake(List<Item> items) {
            this.items = items;
        }
    }

    /** Validates one lead (422 naming each invalid field) and evaluates its fit, outside any transaction. */
    public Uni<Intake> prepare(LeadRequest request) {
        List<FieldError> errors = LeadIntakeRules.validate(request, "");
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<Item> items = List.of(new Item(0, "", request));
        return score(items).map(v -> new Intake(items));
    }

    /**
     * Binds and validates up to {@link #MAX_BULK} leads one by one, so that a bad item fails alone, and evaluates the
     * fit of the valid ones with one snapshot of the active ICPs; outside any transaction.
     */
    public Uni<Intake> prepareBulk(BulkLeadRequest request) {
        if (request.items() == null || request.items().isEmpty()) {
            throw ProblemException.validation("items", "must contain at least one lead");
        }
        if (request.items().size() > MAX_BULK) {
            throw ProblemException.validation("items", "must contain at most " + MAX_BULK + " leads");
        }
        List<Item> items = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            items.add(bind(i, request.items().get(i)));
        }
        return score(items).map(v -> new Intake(items));
    }

    /**
     * The ICP catalog reads through the reactive pool; doing this before the transaction means a request never holds
     * a pool connection while it waits for another.
     */
    private Uni<Void> score(List<Item> all) {
        List<Item> items = all.stream().filter(i -> i.problem == null).toList();
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return fits.bestFits(items.stream()
                        .map(i -> new LeadAttributes(i.request.company(), i.request.contact(), i.request.custom())).toList())
                .invoke(list -> {
                    for (int k = 0; k < items.size(); k++) {
                        items.get(k).fit = list.get(k).orElse(null);
                    }
                }).replaceWithVoid();
    }

    /** Creates or updates one prepared lead. */
    @WithTransaction
    public Uni<Ingested> ingest(Intake intake, TeamScope scope, String actor) {
        Item item = intake.items.get(0);
        return write(intake.items, scope, actor).chain(() -> {
            if (item.problem != null) {
                throw exception(item.problem);
            }
            LeadIntakeRepository.Written w = item.written;
            String what = (w.inserted() ? "Created" : "Updated") + " lead " + w.source() + "/" + w.externalId()
                    + (item.handOff != null ? " and handed it off" : "");
            return audit.record(actor, w.inserted() ? "lead.created" : "lead.updated", "lead", w.id(), what)
                    .chain(() -> leads.findById(w.id()))
                    .map(lead -> new Ingested(versioned(lead), w.inserted()));
        });
    }

    /**
     * Creates or updates prepared leads: the valid ones are written with a few set-based statements, and one audit
     * event summarises the request.
     */
    @WithTransaction
    public Uni<BulkLeadResult> ingestBulk(Intake intake, TeamScope scope, String actor) {
        List<Item> items = intake.items;
        return write(items, scope, actor).chain(() -> {
            int created = 0;
            int updated = 0;
            int failed = 0;
            int handedOff = 0;
            List<BulkLeadResult.Item> results = new ArrayList<>(items.size());
            for (Item item : items) {
                if (item.problem != null) {
                    failed++;
                    results.add(new BulkLeadResult.Item(item.index, null, "failed", item.problem));
                } else {
                    boolean inserted = item.written.inserted();
                    created += inserted ? 1 : 0;
                    updated += inserted ? 0 : 1;
                    handedOff += item.handOff != null ? 1 : 0;
                    results.add(new BulkLeadResult.Item(item.index, item.written.id(), inserted ? "created" : "updated", null));
                }
            }
            BulkLeadResult result = new BulkLeadResult(created, updated, failed, results);
            String summary = "Bulk intake of " + items.size() + " leads: " + created + " created, " + updated
                    + " updated, " + failed + " failed, " + handedOff + " handed off";
            return audit.record(actor, "lead.bulk_ingested", "lead_bulk", UUID.randomUUID(), summary).replaceWith(result);
        });
    }

    /** Binds one bulk item; a shape error or an invalid field fails the item only. */
    private Item bind(int index, JsonNode node) {
        String prefix = "items[" + index + "].";
        Item item = new Item(index, prefix, null);
        if (node == null || !node.isObject()) {
            item.problem = problem(ProblemKind.INVALID_BODY, List.of(new FieldError("items[" + index + "]", "must be an object")));
            return item;
        }
        try {
            item.request = json.treeToValue(node, LeadRequest.class);
        } catch (JsonMappingException e) {
            String field = prefix + JsonPaths.of(e);
            item.problem = problem(ProblemKind.INVALID_BODY, List.of(new FieldError(field,
                    e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "unknown field"
                            : e instanceof io.accord.common.RefusedInputException r ? r.reason()
                            : "has the wrong type")));
            return item;
        } catch (JsonProcessingException e) {
            item.problem = problem(ProblemKind.INVALID_BODY, List.of(new FieldError("items[" + index + "]", "is not valid")));
            return item;
        }
        List<FieldError> errors = LeadIntakeRules.validate(item.request, prefix);
        if (!errors.isEmpty()) {
            item.problem = problem(ProblemKind.VALIDATION, errors);
        }
        return item;
    }

    /**
     * Writes the items without a problem: checks their teams, upserts them with their fit (in rounds when a key repeats, so later items update earlier ones as if sent one after the other),
     * then starts the SLA clocks of the leads this write handed off.
     */
    private Uni<Void> write(List<Item> all, TeamScope scope, String actor) {
        List<Item> items = all.stream().filter(i -> i.problem == null).toList();
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> teamKeys = items.stream().map(i -> LeadIntakeRules.blankToNull(i.request.teamKey()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Uni<Set<String>> known = teamKeys.isEmpty() ? Uni.createFrom().item(Set.of()) : teams.existingKeys(teamKeys);
        return known.chain(existing -> {
            List<Item> valid = new ArrayList<>(items.size());
            for (Item i : items) {
                String team = LeadIntakeRules.blankToNull(i.request.teamKey());
                if (!scope.mayAskFor(team)) {
                    i.problem = problem(ProblemKind.FORBIDDEN, List.of(new FieldError(i.prefix + "teamKey",
                            "this API key writes only leads of team '" + scope.teamKey() + "'")));
                } else if (team != null && !existing.contains(team)) {
                    i.problem = problem(ProblemKind.VALIDATION,
                            List.of(new FieldError(i.prefix + "teamKey", "team '" + team + "' does not exist")));
                } else {
                    valid.add(i);
                }
            }
            if (valid.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            for (Item i : valid) {
                i.row = row(i.request, i.fit, scope);
            }
            Instant now = now();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<Item> round : rounds(valid)) {
                chain = chain.chain(() -> upsert(round, scope, now));
            }
            return chain.chain(() -> startClocks(valid.stream().filter(i -> i.problem == null).toList(), actor));
        });
    }

    private Uni<Void> upsert(List<Item> all, TeamScope scope, Instant now) {
        // An item whose key failed in an earlier round (another team's or an erased lead) fails again.
        List<Item> round = all.stream().filter(i -> i.problem == null).toList();
        if (round.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return intake.upsert(round.stream().map(i -> i.row).toList(), scope.teamKey(), now).map(written -> {
            Map<String, LeadIntakeRepository.Written> byKey = new HashMap<>(written.size() * 2);
            for (LeadIntakeRepository.Written w : written) {
                byKey.put(w.source() + '\u0000' + w.externalId(), w);
            }
            for (Item i : round) {
                LeadIntakeRepository.Written w = byKey.get(i.key());
                if (w == null) {
                    // The upsert left an existing lead alone: an erased one, or one a team-bound key may not write.
                    i.problem = scope.bound()
                            ? problem(ProblemKind.FORBIDDEN, List.of(new FieldError(i.prefix + "externalId",
                                    "this lead belongs to another team than the API key's ('" + scope.teamKey() + "')")))
                            : problem(ProblemKind.CONFLICT, List.of(new FieldError(i.prefix + "externalId",
                                    "this lead was erased")));
                    continue;
                }
                i.written = w;
                if (i.row.handoffId() != null && i.row.handoffId().equals(w.handoffId())) {
                    i.handOff = new LeadClocks.HandOff(w.id(), w.handoffId(), w.handedOffAt(), w.source(), w.country(),
                            w.ownerId(), w.teamKey(), w.fitIcpKey(), w.fitTier());
                }
            }
            return null;
        });
    }

    private Uni<Void> startClocks(List<Item> items, String actor) {
        List<Item> handedOff = items.stream().filter(i -> i.handOff != null).toList();
        if (handedOff.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return clocks.handedOff(handedOff.stream().map(i -> i.handOff).toList()).chain(applied -> {
            List<LeadEvent> rows = new ArrayList<>(handedOff.size());
            for (int k = 0; k < handedOff.size(); k++) {
                LeadClocks.HandOff h = handedOff.get(k).handOff;
                rows.add(event(h.leadId(), h.at(), Action.HAND_OFF, actor, "Handed off at intake; " + LeadClocks.describe(applied.get(k))));
            }
            return events.insertAll(rows);
        });
    }

    /** Splits items into rounds in which each (source, externalId) occurs once, keeping their order. */
    private static List<List<Item>> rounds(List<Item> items) {
        List<List<Item>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(items.size() * 2);
        for (Item i : items) {
            int round = seen.merge(i.key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    private LeadIntakeRepository.Row row(LeadRequest r, LeadFit fit, TeamScope scope) {
        String status = r.status() == null ? Status.NEW.wire() : r.status();
        return new LeadIntakeRepository.Row(UUID.randomUUID(), r.source(), r.externalId(), status,
                toJson(r.company()), toJson(r.contact()), toJson(r.custom()), LeadIntakeRules.country(r.company()),
                LeadIntakeRules.blankToNull(r.ownerId()), scope.teamFor(LeadIntakeRules.blankToNull(r.teamKey())), fit,
                status.equals(Status.MQL.wire()) ? UUID.randomUUID() : null);
    }

    /**
     * What one lead would look like if pushed now (its fit evaluated against the active ICPs); for previews. Validates
     * like intake (field paths under {@code prefix}). Needs no session.
     */
    public Uni<LeadSummary> preview(LeadRequest request, String prefix) {
        List<FieldError> errors = LeadIntakeRules.validate(request, prefix);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return fits.bestFits(List.of(new LeadAttributes(request.company(), request.contact(), request.custom())))
                .map(f -> new LeadSummary(null, request.source(), request.externalId(), companyName(request.company()),
                        request.status() == null ? Status.NEW.wire() : request.status(),
                        LeadIntakeRules.blankToNull(request.ownerId()), LeadIntakeRules.blankToNull(request.teamKey()),
                        LeadIntakeRules.country(request.company()), f.get(0).orElse(null), null, null));
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @WithTransaction
    public Uni<Versioned<LeadView>> handOff(UUID id, LeadActions.HandOff body, TeamScope scope, String actor) {
        String owner = body == null ? null : LeadIntakeRules.blankToNull(body.ownerId());
        String team = body == null ? null : LeadIntakeRules.blankToNull(body.teamKey());
        return lockForAction(id, Action.HAND_OFF, scope, team).call(lead -> requireTeam(team)).chain(lead -> {
            Instant at = now();
            lead.status = Status.MQL.wire();
            lead.handoffId = UUID.randomUUID();
            lead.handedOffAt = at;
            lead.ownerId = owner != null ? owner : lead.ownerId;
            lead.teamKey = team != null ? team : lead.teamKey;
            lead.rejectReason = null;
            lead.rejectNote = null;
            lead.updatedAt = now();
            LeadClocks.HandOff handOff = new LeadClocks.HandOff(lead.id, lead.handoffId, at, lead.source, lead.country,
                    lead.ownerId, lead.teamKey, lead.fitIcpKey, lead.fitTier);
            return leads.flush()
                    .chain(() -> clocks.handedOff(List.of(handOff)))
                    .chain(applied -> record(lead, Action.HAND_OFF, actor, at, "Handed off; " + LeadClocks.describe(applied.get(0))));
        });
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> accept(UUID id, TeamScope scope, String actor) {
        return simple(id, Action.ACCEPT, null, LeadClocks.Change.ACCEPTED, scope, actor, "Accepted");
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> qualify(UUID id, TeamScope scope, String actor) {
        return simple(id, Action.QUALIFY, null, LeadClocks.Change.QUALIFIED, scope, actor, "Qualified");
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> recycle(UUID id, TeamScope scope, String actor) {
        return simple(id, Action.RECYCLE, null, LeadClocks.Change.RECYCLED, scope, actor, "Recycled to nurture; running clocks cancelled");
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> close(UUID id, LeadActions.Close body, TeamScope scope, String actor) {
        Outcome outcome = Outcome.valueOf(body.outcome().toUpperCase(Locale.ROOT));
        return simple(id, Action.CLOSE, outcome, LeadClocks.Change.CLOSED, scope, actor,
                "Closed as " + body.outcome() + "; running clocks cancelled");
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> reject(UUID id, LeadActions.Reject body, TeamScope scope, String actor) {
        String note = LeadIntakeRules.blankToNull(body.note());
        if ("other".equals(body.reason()) && note == null) {
            throw ProblemException.validation("note", "is required when the reason is other");
        }
        return lockForAction(id, Action.REJECT, scope, null).chain(lead -> {
            Instant at = now();
            lead.status = Status.REJECTED.wire();
            lead.rejectReason = body.reason();
            lead.rejectNote = note;
            lead.updatedAt = at;
            return leads.flush()
                    .chain(() -> clocks.changed(lead.id, LeadClocks.Change.REJECTED, at))
                    .chain(() -> record(lead, Action.REJECT, actor, at, "Rejected (" + body.reason() + ")"
                            + (note == null ? "" : ": " + note)));
        });
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> assign(UUID id, LeadActions.Assign body, TeamScope scope, String actor) {
        String owner = LeadIntakeRules.blankToNull(body.ownerId());
        String team = LeadIntakeRules.blankToNull(body.teamKey());
        if (owner == null && team == null) {
            throw ProblemException.validation(List.of(new FieldError("ownerId", "ownerId or teamKey is required"),
                    new FieldError("teamKey", "ownerId or teamKey is required")));
        }
        return lockForAction(id, Action.ASSIGN, scope, team).call(lead -> requireTeam(team)).chain(lead -> {
            Instant at = now();
            lead.ownerId = owner != null ? owner : lead.ownerId;
            lead.teamKey = team != null ? team : lead.teamKey;
            lead.updatedAt = at;
            return leads.flush()
                    .chain(() -> clocks.reassigned(lead.id, lead.ownerId, lead.teamKey))
                    .chain(() -> record(lead, Action.ASSIGN, actor, at, "Assigned to owner " + lead.ownerId
                            + ", team " + lead.teamKey));
        });
    }

    private Uni<Versioned<LeadView>> simple(UUID id, Action action, Outcome outcome, LeadClocks.Change event, TeamScope scope,
            String actor, String summary) {
        return lockForAction(id, action, scope, null).chain(lead -> {
            Instant at = now();
            lead.status = LeadLifecycle.next(Status.valueOf(lead.status.toUpperCase(Locale.ROOT)), action, outcome).wire();
            if (action == Action.CLOSE) {
                lead.outcome = outcome.name().toLowerCase(Locale.ROOT);
            }
            lead.updatedAt = at;
            return leads.flush()
                    .chain(() -> clocks.changed(lead.id, event, at))
                    .chain(() -> record(lead, action, actor, at, summary));
        });
    }

    /**
     * Locks the lead (404 if absent), checks that the caller may write it (403; {@code newTeam}, when not null, is the
     * team the action moves it to) and that its status allows the action (409 with the allowed ones).
     */
    private Uni<Lead> lockForAction(UUID id, Action action, TeamScope scope, String newTeam) {
        return leads.lock(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id)).invoke(lead -> {
            requireScope(scope, lead, newTeam != null ? newTeam : lead.teamKey);
            Status status = status(lead);
            if (!LeadLifecycle.allows(status, action)) {
                LeadLifecycle.IllegalTransition e = new LeadLifecycle.IllegalTransition(status, action);
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("currentStatus", status.wire());
                ext.put("action", action.wire());
                ext.put("allowedActions", e.allowed());
                throw new ProblemException(ProblemKind.INVALID_TRANSITION, e.getMessage(), List.of(), ext, Map.of());
            }
        });
    }

    /** 403 unless {@code scope} may take {@code lead} to {@code teamAfter}. */
    private static void requireScope(TeamScope scope, Lead lead, String teamAfter) {
        if (!scope.allows(lead.teamKey, teamAfter)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "This API key writes only leads of team '"
                    + scope.teamKey() + "'; lead " + lead.id + (lead.teamKey == null ? " has no team"
                            : " belongs to team '" + lead.teamKey + "'")
                    + (Objects.equals(teamAfter, lead.teamKey) ? "" : " and would move to team '" + teamAfter + "'"));
        }
    }

    private Uni<Void> requireTeam(String team) {
        if (team == null) {
            return Uni.createFrom().voidItem();
        }
        return teams.existingKeys(List.of(team)).invoke(found -> {
            if (found.isEmpty()) {
                throw ProblemException.validation("teamKey", "team '" + team + "' does not exist");
            }
        }).replaceWithVoid();
    }

    /** Appends the lead's event and the audit entry, and answers the lead as it is now. */
    private Uni<Versioned<LeadView>> record(Lead lead, Action action, String actor, Instant at, String summary) {
        LeadEvent e = event(lead.id, at, action, actor, summary);
        return events.persist(e)
                .chain(() -> audit.record(actor, "lead." + auditVerb(action), "lead", lead.id,
                        summary + " (" + lead.source + "/" + lead.externalId + ")"))
                .chain(() -> leads.flush())
                .map(v -> versioned(lead));
    }

    private static String auditVerb(Action action) {
        return switch (action) {
            case HAND_OFF -> "handed_off";
            case ACCEPT -> "accepted";
            case REJECT -> "rejected";
            case QUALIFY -> "qualified";
            case CLOSE -> "closed";
            case RECYCLE -> "recycled";
            case ASSIGN -> "assigned";
            case LOG_TOUCH -> "touch_logged";
        };
    }

    private static LeadEvent event(UUID leadId, Instant at, Action action, String actor, String summary) {
        LeadEvent e = new LeadEvent();
        e.id = UUID.randomUUID();
        e.leadId = leadId;
        e.at = at;
        e.kind = action.wire();
        e.actor = actor;
        e.summary = summary;
        return e;
    }

    // ---------------------------------------------------------------------------------------------- erasure

    /**
     * Removes the lead's personal data everywhere it is stored ({@link LeadErasure}) and audits who did it, without
     * the data. The lead keeps its id, lifecycle and figures. Erasing an erased lead changes nothing.
     */
    @WithTransaction
    public Uni<Versioned<LeadView>> erase(UUID id, TeamScope scope, String actor) {
        return leads.lock(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id)).chain(lead -> {
            requireScope(scope, lead, lead.teamKey);
            if (lead.erasedAt != null) {
                return Uni.createFrom().item(versioned(lead));
            }
            return erasure.erase(id, lead.source, lead.externalId, now())
                    .chain(() -> audit.record(actor, "lead.erased", "lead", id,
                            "Erased the personal data of lead " + id + " (source " + lead.source + ")"))
                    .chain(() -> leads.getSession()).chain(s -> s.refresh(lead))
                    .map(v -> versioned(lead));
        });
    }

    // ---------------------------------------------------------------------------------------------- touches

    /** Logs a touch; it may meet the lead's first_touch and attempts clocks. */
    @WithTransaction
    public Uni<TouchView> logTouch(UUID leadId, TouchRequest r, TeamScope scope, String actor) {
        Instant now = now();
        if (r.occurredAt().isAfter(now.plus(TOUCH_SKEW))) {
            throw ProblemException.validation("occurredAt", "must not be more than one minute in the future");
        }
        return lockForAction(leadId, Action.LOG_TOUCH, scope, null).chain(lead -> {
            LeadTouch t = new LeadTouch();
            t.id = UUID.randomUUID();
            t.leadId = leadId;
            t.kind = r.kind();
            t.occurredAt = r.occurredAt();
            t.actorId = r.actorId().trim();
            t.note = LeadIntakeRules.blankToNull(r.note());
            t.createdAt = now;
            t.createdBy = actor;
            Uni<Void> sla = lead.handedOffAt == null ? Uni.createFrom().voidItem()
                    : touches.timesSince(leadId, lead.handedOffAt).chain(times -> clocks.touchesChanged(leadId, times));
            return touches.persist(t).call(touches::flush).call(() -> sla)
                    .call(() -> audit.record(actor, "lead.touch_logged", "lead", leadId,
                            "Logged a " + t.kind + " by " + t.actorId + " at " + t.occurredAt))
                    .map(LeadService::touchView);
        });
    }

    @WithSession
    public Uni<Page<TouchView>> touches(UUID leadId, PageRequest page) {
        return find(leadId).chain(lead -> touches.page(leadId, page))
                .map(rows -> Page.of(rows, page, t -> new Cursor(t.createdAt, t.id), LeadService::touchView));
    }

    @WithSession
    public Uni<TouchView> touch(UUID leadId, UUID touchId) {
        return touches.findById(touchId).map(t -> {
            if (t == null || !t.leadId.equals(leadId)) {
                throw ProblemException.notFound("Touch", touchId);
            }
            return touchView(t);
        });
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** One query on the pool, no session (a hot read). */
    public Uni<Versioned<LeadView>> get(UUID id) {
        return reads.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id)).map(this::versioned);
    }

    /** One query on the pool, no session (a hot read). */
    public Uni<Page<LeadView>> list(LeadFilter filter, PageRequest page) {
        return reads.page(filter, page).map(rows -> Page.of(rows, page, l -> new Cursor(l.createdAt, l.id), this::view));
    }

    /** The lead as other features see it; 404 if it does not exist. */
    @WithSession
    public Uni<LeadSummary> summary(UUID id) {
        return find(id).map(this::summary);
    }

    /** Leads by id; unknown ids are absent. */
    @WithSession
    public Uni<Map<UUID, LeadSummary>> summaries(Collection<UUID> ids) {
        return leads.byIds(new LinkedHashSet<>(ids)).map(rows -> rows.stream()
                .collect(Collectors.toMap(l -> l.id, this::summary)));
    }

    /** The lead's lifecycle events and its most recent touches; 404 if it does not exist. */
    @WithSession
    public Uni<LeadHistory> history(UUID id) {
        return find(id).chain(lead -> events.forLead(id).chain(evs -> touches.latest(id, TIMELINE_TOUCHES)
                .map(ts -> new LeadHistory(summary(lead),
                        evs.stream().map(e -> new LeadHistory.Event(e.at, e.kind, e.actor, e.summary)).toList(),
                        ts.stream().map(LeadService::touchView).toList()))));
    }

    private Uni<Lead> find(UUID id) {
        return leads.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id));
    }

    private LeadSummary summary(Lead l) {
        return new LeadSummary(l.id, l.source, l.externalId, companyName(read(l.company)), l.status, l.ownerId,
                l.teamKey, l.country, fit(l), l.handoffId, l.handedOffAt);
    }

    private Versioned<LeadView> versioned(Lead l) {
        return new Versioned<>(view(l), l.version);
    }

    private LeadView view(Lead l) {
        Status status = status(l);
        return new LeadView(l.id, l.source, l.externalId, l.status, read(l.company), read(l.contact), read(l.custom),
                l.ownerId, l.teamKey, fit(l), l.handedOffAt,
                l.rejectReason == null ? null : new LeadView.Rejection(l.rejectReason, l.rejectNote), l.outcome,
                LeadLifecycle.allowedActions(status).stream().map(Action::wire).toList(), l.createdAt, l.updatedAt,
                l.erasedAt);
    }

    private static LeadFit fit(Lead l) {
        return l.fitIcpKey == null ? null : new LeadFit(l.fitIcpKey, l.fitVersion, l.fitScore, l.fitTier,
                Boolean.TRUE.equals(l.fitQualified));
    }

    private static Status status(Lead l) {
        return Status.valueOf(l.status.toUpperCase(Locale.ROOT));
    }

    static TouchView touchView(LeadTouch t) {
        return new TouchView(t.id, t.leadId, t.kind, t.occurredAt, t.actorId, t.note, t.createdAt);
    }

    private static String companyName(Map<String, Object> company) {
        return company != null && company.get("name") instanceof String s ? s : null;
    }

    /** The exception that answers {@code problem} (a single push's failure). */
    private static ProblemException exception(Problem problem) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.type().equals(problem.type())) {
                return new ProblemException(kind, problem.detail(), problem.errors(), Map.of(), Map.of());
            }
        }
        return ProblemException.validation(problem.errors());
    }

    private static Problem problem(ProblemKind kind, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null, errors, Map.of());
    }

    private String toJson(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stored attributes were checked when they came in, so they are read back with a plain reader: the API's own
     * mapper checks every string and member name of a request (JsonInput), which cost a page of 50 leads a quarter
     * of its time.
     */
    private static final ObjectReader STORED = JsonMapper.builder().build().readerFor(MAP);

    private Map<String, Object> read(String text) {
        try {
            return STORED.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lead attributes are unreadable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
