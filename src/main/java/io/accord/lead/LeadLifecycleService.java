package io.accord.lead;

import io.accord.audit.AuditLog;
import io.accord.common.FieldError;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.Outcome;
import io.accord.lead.LeadLifecycle.Status;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The actions on one existing lead: the lifecycle moves ({@link LeadLifecycle} decides which are allowed), assignment
 * and erasure. Each locks the lead, checks the caller's team scope, and commits the lead, its SLA clocks
 * ({@link LeadClocks}), its timeline event and its audit entry together.
 */
@ApplicationScoped
public class LeadLifecycleService {

    private final LeadRepository leads;
    private final LeadGuard guard;
    private final LeadEventRepository events;
    private final LeadErasure erasure;
    private final LeadClocks clocks;
    private final AuditLog audit;
    private final Clock clock;

    public LeadLifecycleService(LeadRepository leads, LeadGuard guard, LeadEventRepository events, LeadErasure erasure,
            LeadClocks clocks, AuditLog audit, Clock clock) {
        this.leads = leads;
        this.guard = guard;
        this.events = events;
        this.erasure = erasure;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Versioned<LeadView>> handOff(UUID id, LeadActions.HandOff body, TeamScope scope, String actor) {
        String owner = body == null ? null : LeadIntakeRules.blankToNull(body.ownerId());
        String team = body == null ? null : LeadIntakeRules.blankToNull(body.teamKey());
        return guard.lockForAction(id, Action.HAND_OFF, scope, team).call(lead -> guard.requireTeam(team)).chain(lead -> {
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
                    .chain(started -> record(lead, Action.HAND_OFF, actor, at,
                            "Handed off; " + LeadClocks.describe(started.get(0))));
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
        return simple(id, Action.RECYCLE, null, LeadClocks.Change.RECYCLED, scope, actor,
                "Recycled to nurture; running clocks cancelled");
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
        return guard.lockForAction(id, Action.REJECT, scope, null).chain(lead -> {
            Instant at = now();
            lead.status = Status.REJECTED.wire();
            lead.rejectReason = body.reason();
            lead.rejectNote = note;
            lead.updatedAt = at;
            clearHold(lead);
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
        return guard.lockForAction(id, Action.ASSIGN, scope, team).call(lead -> guard.requireTeam(team)).chain(lead -> {
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

    /**
     * Puts the lead on hold: its running clocks pause, except those whose milestone forbids holds. 409 when it is on
     * hold already, or when no running clock may be held (nothing would pause).
     */
    @WithTransaction
    public Uni<Versioned<LeadView>> hold(UUID id, LeadActions.Hold body, TeamScope scope, String actor) {
        Instant at = now();
        String problem = LeadHolds.untilProblem(body.until(), at);
        if (problem != null) {
            throw ProblemException.validation("until", problem);
        }
        String reason = body.reason().trim();
        return guard.lock(id).chain(lead -> {
            LeadGuard.requireScope(scope, lead, lead.teamKey);
            LeadClocks.Hold current = LeadHolds.active(lead.holdReason, lead.heldAt, lead.holdUntil, at);
            if (current != null) {
                throw new ProblemException(ProblemKind.CONFLICT, "Lead " + id + " is on hold since " + current.since()
                        + "; resume it first");
            }
            Instant until = body.until() == null ? null : body.until().truncatedTo(ChronoUnit.MICROS);
            return clocks.held(id, new LeadClocks.Hold(reason, at, until)).chain(held -> {
                if (held.paused() == 0) {
                    throw new ProblemException(ProblemKind.CONFLICT, "Lead " + id + " has no running SLA clock that "
                            + "may be held" + (held.keptRunning() > 0 ? " (" + held.keptRunning()
                                    + " running clocks' milestones forbid holds)" : ""));
                }
                lead.holdReason = reason;
                lead.heldAt = at;
                lead.holdUntil = until;
                lead.updatedAt = at;
                String summary = "Put on hold" + (until == null ? "" : " until " + until) + "; " + held.paused()
                        + " clocks paused" + (held.keptRunning() == 0 ? "" : ", " + held.keptRunning()
                                + " keep running (not holdable)");
                return leads.flush().chain(() -> note(lead, "hold", "lead.held", actor, at, summary));
            });
        });
    }

    /** Ends the lead's hold: its paused clocks run again, their deadlines moved by the paused business time. */
    @WithTransaction
    public Uni<Versioned<LeadView>> resume(UUID id, TeamScope scope, String actor) {
        Instant at = now();
        return guard.lock(id).chain(lead -> {
            LeadGuard.requireScope(scope, lead, lead.teamKey);
            if (LeadHolds.active(lead.holdReason, lead.heldAt, lead.holdUntil, at) == null) {
                throw new ProblemException(ProblemKind.CONFLICT, "Lead " + id + " is not on hold");
            }
            return clocks.resumed(id, at).chain(n -> {
                clearHold(lead);
                lead.updatedAt = at;
                return leads.flush().chain(() -> note(lead, "resume", "lead.resumed", actor, at,
                        "Resumed; " + n + " clocks run again"));
            });
        });
    }

    /**
     * Removes the lead's personal data everywhere it is stored ({@link LeadErasure}) and audits who did it, without
     * the data. The lead keeps its id, lifecycle and figures. Erasing an erased lead changes nothing.
     */
    @WithTransaction
    public Uni<Versioned<LeadView>> erase(UUID id, TeamScope scope, String actor) {
        return guard.lock(id).chain(lead -> {
            LeadGuard.requireScope(scope, lead, lead.teamKey);
            if (lead.erasedAt != null) {
                return Uni.createFrom().item(LeadViews.versioned(lead));
            }
            return erasure.erase(id, lead.source, lead.externalId, now())
                    .chain(() -> audit.record(actor, "lead.erased", "lead", id,
                            "Erased the personal data of lead " + id + " (source " + lead.source + ")"))
                    .chain(() -> leads.getSession()).chain(s -> s.refresh(lead))
                    .map(v -> LeadViews.versioned(lead));
        });
    }

    private Uni<Versioned<LeadView>> simple(UUID id, Action action, Outcome outcome, LeadClocks.Change change,
            TeamScope scope, String actor, String summary) {
        return guard.lockForAction(id, action, scope, null).chain(lead -> {
            Instant at = now();
            lead.status = LeadLifecycle.next(LeadViews.status(lead), action, outcome).wire();
            if (action == Action.CLOSE) {
                lead.outcome = outcome.name().toLowerCase(Locale.ROOT);
            }
            if (change == LeadClocks.Change.CLOSED || change == LeadClocks.Change.RECYCLED) {
                clearHold(lead);
            }
            lead.updatedAt = at;
            return leads.flush()
                    .chain(() -> clocks.changed(lead.id, change, at))
                    .chain(() -> record(lead, action, actor, at, summary));
        });
    }

    /** Appends an event that is no lifecycle action and its audit entry, and answers the lead as it is now. */
    private Uni<Versioned<LeadView>> note(Lead lead, String kind, String auditAction, String actor, Instant at,
            String summary) {
        return events.persist(LeadEvent.of(lead.id, at, kind, actor, summary))
                .chain(() -> audit.record(actor, auditAction, "lead", lead.id,
                        summary + " (" + lead.source + "/" + lead.externalId + ")"))
                .chain(() -> leads.flush())
                .map(v -> LeadViews.versioned(lead));
    }

    /** A lead that leaves the funnel, or is resumed, has no hold. */
    private static void clearHold(Lead lead) {
        lead.holdReason = null;
        lead.heldAt = null;
        lead.holdUntil = null;
    }

    /** Appends the lead's event and the audit entry, and answers the lead as it is now. */
    private Uni<Versioned<LeadView>> record(Lead lead, Action action, String actor, Instant at, String summary) {
        LeadEvent e = LeadEvent.of(lead.id, at, action, actor, summary);
        return events.persist(e)
                .chain(() -> audit.record(actor, "lead." + auditVerb(action), "lead", lead.id,
                        summary + " (" + lead.source + "/" + lead.externalId + ")"))
                .chain(() -> leads.flush())
                .map(v -> LeadViews.versioned(lead));
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
