package io.accord.lead;

import java.time.Duration;
import java.time.Instant;

/**
 * When a lead is on hold. Pure: a hold is active from {@code heldAt} until it is resumed or, when it has an
 * {@code until}, until that instant (it then ends by itself; the breach detector resumes the clocks at exactly then).
 */
final class LeadHolds {

    /** How far ahead a hold's {@code until} may be. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private LeadHolds() {
    }

    /** The hold stored as {@code reason, heldAt, until} if it is active at {@code now}, else null. */
    static LeadClocks.Hold active(String reason, Instant heldAt, Instant until, Instant now) {
        if (heldAt == null || (until != null && !until.isAfter(now))) {
            return null;
        }
        return new LeadClocks.Hold(reason, heldAt, until);
    }

    /** Why {@code until} is refused for a hold placed at {@code now}, or null when it is fine. */
    static String untilProblem(Instant until, Instant now) {
        if (until == null) {
            return null;
        }
        if (!until.isAfter(now)) {
            return "must be in the future";
        }
        if (until.isAfter(now.plus(MAX_AHEAD))) {
            return "must be at most 366 days ahead";
        }
        return null;
    }
}
