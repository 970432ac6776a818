package io.accord.lead;

import java.time.Instant;
import java.util.List;

/** A lead's lifecycle events and touches, for the SLA timeline. */
public record LeadHistory(LeadSummary lead, List<Event> events, List<TouchView> touches) {

    /** A lifecycle action: hand_off, accept, reject, qualify, close, recycle or assign. */
    public record Event(Instant at, String kind, String actor, String summary) {
    }
}
