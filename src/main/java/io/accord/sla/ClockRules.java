package io.accord.sla;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a clock is met or cancelled. Pure; no framework types.
 *
 * <ul>
 * <li>{@code first_touch}: met by the first touch with {@code occurredAt >= startedAt}, at that touch's time.</li>
 * <li>{@code next_response}: each cycle, like {@code first_touch}, by the first touch at or after the cycle's start.</li>
 * <li>{@code attempts}: met by the N-th such touch (in order of {@code occurredAt}), at its time.</li>
 * <li>{@code decision}: met when the lead is accepted or rejected, at the action's time.</li>
 * <li>{@code qualification}: met when the lead is qualified or rejected, at the action's time.</li>
 * <li>Rejecting, recycling or closing the lead cancels the clocks still running (after the above).</li>
 * <li>A clock met after its {@code dueAt} is met late.</li>
 * </ul>
 */
public final class ClockRules {

    private ClockRules() {
    }

    /** The milestones a lifecycle event meets. */
    public static Set<Milestone> metBy(SlaEvent event) {
        return switch (event) {
            case ACCEPTED -> EnumSet.of(Milestone.DECISION);
            case REJECTED -> EnumSet.of(Milestone.DECISION, Milestone.QUALIFICATION);
            case QUALIFIED -> EnumSet.of(Milestone.QUALIFICATION);
            case CLOSED, RECYCLED -> EnumSet.noneOf(Milestone.class);
        };
    }

    /** Whether the event cancels the clocks it does not meet. */
    public static boolean cancels(SlaEvent event) {
        return event == SlaEvent.REJECTED || event == SlaEvent.CLOSED || event == SlaEvent.RECYCLED;
    }

    /**
     * When a touch milestone is met given all the lead's touch times, or empty if not (yet) met.
     *
     * @param attempts   the N of an {@code attempts} milestone; ignored for {@code first_touch}
     * @param touchTimes the lead's touches' {@code occurredAt}, in any order
     */
    public static Optional<Instant> metByTouches(Milestone milestone, Integer attempts, Instant startedAt,
            List<Instant> touchTimes) {
        int n = switch (milestone) {
            case FIRST_TOUCH, NEXT_RESPONSE -> 1;
            case ATTEMPTS -> attempts;
            default -> 0;
        };
        if (n <= 0) {
            return Optional.empty();
        }
        List<Instant> counted = touchTimes.stream().filter(t -> !t.isBefore(startedAt)).sorted().toList();
        return counted.size() >= n ? Optional.of(counted.get(n - 1)) : Optional.empty();
    }

    /** A clock met at {@code metAt} is late when that is after its due date. */
    public static boolean late(Instant metAt, Instant dueAt) {
        return metAt.isAfter(dueAt);
    }
}
