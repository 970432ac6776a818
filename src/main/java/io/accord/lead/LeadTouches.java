package io.accord.lead;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.lead.LeadLifecycle.Action;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Touches: contacts sales made with a lead, logged (which may meet its touch clocks) and read. */
@ApplicationScoped
public class LeadTouches {

    /** How far in the future a touch's {@code occurredAt} may be (clock skew). */
    static final Duration TOUCH_SKEW = Duration.ofMinutes(1);

    private final LeadRepository leads;
    private final LeadGuard guard;
    private final LeadTouchRepository touches;
    private final LeadClocks clocks;
    private final AuditLog audit;
    private final Clock clock;

    public LeadTouches(LeadRepository leads, LeadGuard guard, LeadTouchRepository touches, LeadClocks clocks,
            AuditLog audit, Clock clock) {
        this.leads = leads;
        this.guard = guard;
        this.touches = touches;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Logs a touch; it may meet the lead's first_touch and attempts clocks. */
    @WithTransaction
    public Uni<TouchView> logTouch(UUID leadId, TouchRequest r, TeamScope scope, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (r.occurredAt().isAfter(now.plus(TOUCH_SKEW))) {
            throw ProblemException.validation("occurredAt", "must not be more than one minute in the future");
        }
        return guard.lockForAction(leadId, Action.LOG_TOUCH, scope, null).chain(lead -> {
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
                    .map(LeadViews::touchView);
        });
    }

    /** The lead's touches in the order they were logged; 404 if the lead does not exist. */
    @WithSession
    public Uni<Page<TouchView>> touches(UUID leadId, PageRequest page) {
        return leads.findById(leadId).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", leadId))
                .chain(lead -> touches.page(leadId, page))
                .map(rows -> Page.of(rows, page, t -> new Cursor(t.createdAt, t.id), LeadViews::touchView));
    }

    @WithSession
    public Uni<TouchView> touch(UUID leadId, UUID touchId) {
        return touches.findById(touchId).map(t -> {
            if (t == null || !t.leadId.equals(leadId)) {
                throw ProblemException.notFound("Touch", touchId);
            }
            return LeadViews.touchView(t);
        });
    }
}
