package io.accord.lead;

import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.Versioned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Lead reads: the API's single lead and list, and what other features read (a summary, the history). */
@ApplicationScoped
public class LeadQueries {

    /** The timeline shows at most this many touches (the most recent). */
    static final int TIMELINE_TOUCHES = 500;

    private final LeadRepository leads;
    private final LeadReads reads;
    private final LeadTouchRepository touches;
    private final LeadEventRepository events;

    public LeadQueries(LeadRepository leads, LeadReads reads, LeadTouchRepository touches, LeadEventRepository events) {
        this.leads = leads;
        this.reads = reads;
        this.touches = touches;
        this.events = events;
    }

    /** One query on the pool, no session (a hot read). */
    public Uni<Versioned<LeadView>> get(UUID id) {
        return reads.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id))
                .map(LeadViews::versioned);
    }

    /** One query on the pool, no session (a hot read). */
    public Uni<Page<LeadView>> list(LeadFilter filter, PageRequest page) {
        return reads.page(filter, page).map(rows -> Page.of(rows, page, l -> new Cursor(l.createdAt, l.id),
                LeadViews::view));
    }

    /** The lead as other features see it; 404 if it does not exist. */
    @WithSession
    public Uni<LeadSummary> summary(UUID id) {
        return find(id).map(LeadViews::summary);
    }

    /** The lead's lifecycle events and its most recent touches; 404 if it does not exist. */
    @WithSession
    public Uni<LeadHistory> history(UUID id) {
        return find(id).chain(lead -> events.forLead(id).chain(evs -> touches.latest(id, TIMELINE_TOUCHES)
                .map(ts -> new LeadHistory(LeadViews.summary(lead),
                        evs.stream().map(e -> new LeadHistory.Event(e.at, e.kind, e.actor, e.summary)).toList(),
                        ts.stream().map(LeadViews::touchView).toList()))));
    }

    private Uni<Lead> find(UUID id) {
        return leads.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id));
    }
}
