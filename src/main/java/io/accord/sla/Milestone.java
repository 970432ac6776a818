package io.accord.sla;

import java.util.Locale;
import java.util.Optional;

/** What an SLA clock waits for. Wire values are lower_snake_case. */
public enum Milestone {
    /** The first touch that happened at or after the clock started. */
    FIRST_TOUCH,
    /** The lead was accepted or rejected. */
    DECISION,
    /** The N-th touch that happened at or after the clock started. */
    ATTEMPTS,
    /** The lead was qualified or rejected. */
    QUALIFICATION,
    /**
     * Recurring: a cycle starts when the prospect writes (an inbound message) and no cycle is live, and is met by the
     * first touch at or after the cycle's start. Not started at hand-off.
     */
    NEXT_RESPONSE;

    /** Whether clocks of this milestone start at hand-off (the recurring ones start otherwise). */
    public boolean startsAtHandOff() {
        return this != NEXT_RESPONSE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Milestone> parse(String value) {
        for (Milestone m : values()) {
            if (m.wire().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
