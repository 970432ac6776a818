package io.accord.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a lead (hand-off, decision, assignment), for its timeline. */
@Entity
@Table(name = "lead_events")
public class LeadEvent {

    @Id
    public UUID id;
    public UUID leadId;
    public Instant at;
    /** The action's wire name: hand_off, accept, reject, qualify, close, recycle, assign; or hold, resume, inbound. */
    public String kind;
    public String actor;
    public String summary;

    /** A new event with a fresh id. */
    static LeadEvent of(UUID leadId, Instant at, LeadLifecycle.Action action, String actor, String summary) {
        return of(leadId, at, action.wire(), actor, summary);
    }

    /** A new event of a kind that is no lifecycle action: {@code hold}, {@code resume}, {@code inbound}. */
    static LeadEvent of(UUID leadId, Instant at, String kind, String actor, String summary) {
        LeadEvent e = new LeadEvent();
        e.id = UUID.randomUUID();
        e.leadId = leadId;
        e.at = at;
        e.kind = kind;
        e.actor = actor;
        e.summary = summary;
        return e;
    }
}
