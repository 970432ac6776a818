package io.accord.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * One validated milestone of a policy, and how its deadlines are computed. Pure; the business-time function is
 * passed in.
 *
 * @param warnAt        fraction of the target, 0 < warnAt < 1, or null
 * @param escalateAfter business time after the due date, or null
 * @param attempts      how many touches meet an {@code attempts} milestone; null for other kinds
 * @param onBreach      who gets the lead when the clock breaches, or null
 * @param holdable      whether a hold on the lead pauses the clock (else it keeps running)
 */
public record MilestoneTarget(Milestone kind, Duration target, BigDecimal warnAt, Duration escalateAfter, Integer attempts,
        BreachReassignment onBreach, boolean holdable) {

    /** A holdable milestone without reassignment. */
    public MilestoneTarget(Milestone kind, Duration target, BigDecimal warnAt, Duration escalateAfter, Integer attempts) {
        this(kind, target, warnAt, escalateAfter, attempts, null, true);
    }

    /** A holdable milestone. */
    public MilestoneTarget(Milestone kind, Duration target, BigDecimal warnAt, Duration escalateAfter, Integer attempts,
            BreachReassignment onBreach) {
        this(kind, target, warnAt, escalateAfter, attempts, onBreach, true);
    }

    /** The instants a clock of this milestone stores. */
    public record Deadlines(Instant warnAt, Instant dueAt, Instant escalateAt) {
    }

    /**
     * {@code dueAt = due(start, target)}; {@code warnAt = due(start, target × warnAt)} with the product rounded half up
     * to the second (at least one second); {@code escalateAt = due(dueAt, escalateAfter)}.
     *
     * @param due the calendar's business-time function: the instant when a duration of business time from a start ends
     */
    public Deadlines deadlines(Instant start, BiFunction<Instant, Duration, Instant> due) {
        Instant dueAt = due.apply(start, target);
        Instant warn = warnAt == null ? null : due.apply(start, warnOffset());
        Instant escalate = escalateAfter == null ? null : due.apply(dueAt, escalateAfter);
        return new Deadlines(warn, dueAt, escalate);
    }

    /** {@code target × warnAt}, rounded half up to the second, at least one second. */
    public Duration warnOffset() {
        long seconds = BigDecimal.valueOf(target.getSeconds()).multiply(warnAt).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
