package io.accord.lead;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.lead.LeadLifecycle.Status;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inbound messages: the prospect wrote. Each is stored with a timeline event and an audit entry; on a lead in the
 * funnel (mql, accepted, qualified) it may start a cycle of the lead's next_response clock ({@link LeadClocks#inbound}).
 */
@ApplicationScoped
public class LeadMessages {

    /** The statuses in which an inbound message can start a next_response cycle. */
    static final Set<Status> IN_FUNNEL = EnumSet.of(Status.MQL, Status.ACCEPTED, Status.QUALIFIED);

    private final LeadGuard guard;
    private final LeadInboundRepository messages;
    private final LeadTouchRepository touches;
    private final LeadEventRepository events;
    private final LeadRepository leads;
    private final LeadClocks clocks;
    private final AuditLog audit;
    private final Clock clock;

    public LeadMessages(LeadGuard guard, LeadInboundRepository messages, LeadTouchRepository touches,
            LeadEventRepository events, LeadRepository leads, LeadClocks clocks, AuditLog audit, Clock clock) {
        this.guard = guard;
        this.messages = messages;
        this.touches = touches;
        this.events = events;
        this.leads = leads;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records an inbound message; it may start a next_response cycle at {@code max(occurredAt, handedOffAt)}. */
    @WithTransaction
    public Uni<InboundMessageView> record(UUID leadId, LeadActions.Inbound r, TeamScope scope, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (r.occurredAt().isAfter(now.plus(LeadTouches.TOUCH_SKEW))) {
            throw ProblemException.validation("occurredAt", "must not be more than one minute in the future");
        }
        return guard.lock(leadId).chain(lead -> {
            LeadGuard.requireScope(scope, lead, lead.teamKey);
            LeadInboundMessage m = new LeadInboundMessage();
            m.id = UUID.randomUUID();
            m.leadId = leadId;
            m.channel = r.channel();
            m.occurredAt = r.occurredAt();
            m.createdAt = now;
            m.createdBy = actor;
            Uni<Optional<Integer>> cycle = Uni.createFrom().item(Optional.empty());
            if (lead.handoffId != null && IN_FUNNEL.contains(LeadViews.status(lead))) {
                Instant start = r.occurredAt().isBefore(lead.handedOffAt) ? lead.handedOffAt : r.occurredAt();
                LeadClocks.Hold hold = LeadHolds.active(lead.holdReason, lead.heldAt, lead.holdUntil, now);
                cycle = touches.timesSince(leadId, lead.handedOffAt).chain(times -> clocks.inbound(
                        new LeadClocks.Inbound(leadId, lead.handoffId, start, lead.ownerId, lead.teamKey,
                                lead.fitTier, hold, times)));
            }
            return cycle.chain(started -> {
                m.startedCycle = started.orElse(null);
                String summary = "The prospect wrote (" + m.channel + ") at " + m.occurredAt
                        + started.map(n -> "; next_response cycle " + n + " started").orElse("");
                return messages.persist(m)
                        .chain(() -> events.persist(LeadEvent.of(leadId, now, "inbound", actor, summary)))
                        .chain(() -> audit.record(actor, "lead.inbound_recorded", "lead", leadId, summary))
                        .chain(() -> leads.flush())
                        .map(v -> InboundMessageView.of(m));
            });
        });
    }

    /** The lead's inbound messages by when they were sent; 404 if the lead does not exist. */
    @WithSession
    public Uni<Page<InboundMessageView>> list(UUID leadId, PageRequest page) {
        return leads.findById(leadId).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", leadId))
                .chain(lead -> messages.page(leadId, page))
                .map(rows -> Page.of(rows, page, m -> new Cursor(m.occurredAt, m.id), InboundMessageView::of));
    }

    @WithSession
    public Uni<InboundMessageView> get(UUID leadId, UUID messageId) {
        return messages.findById(messageId).map(m -> {
            if (m == null || !m.leadId.equals(leadId)) {
                throw ProblemException.notFound("Inbound message", messageId);
            }
            return InboundMessageView.of(m);
        });
    }
}
