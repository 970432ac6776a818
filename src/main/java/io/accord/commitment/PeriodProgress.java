package io.accord.commitment;

import io.accord.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a period has run at some instant, in the business time of the commitment's calendar: {@code elapsed} of
 * {@code total}. A period without any business time (all holidays, or a calendar without hours) is paced by wall-clock
 * time instead, so that it still has a pace. Pure; no framework types.
 *
 * @param elapsed business time inside [period start, min(now, period end))
 * @param total   business time inside the whole period
 * @param closed  whether the period has ended
 */
public record PeriodProgress(Duration elapsed, Duration total, boolean closed) {

    public PeriodProgress {
        if (elapsed.isNegative() || total.isNegative() || elapsed.compareTo(total) > 0) {
            throw new IllegalArgumentException("need 0 <= elapsed <= total: " + elapsed + " of " + total);
        }
    }

    public static PeriodProgress of(BusinessCalendar calendar, CommitmentPeriod period, Instant now) {
        boolean closed = period.closedAt(now);
        Instant until = closed ? period.end() : (now.isBefore(period.start()) ? period.start() : now);
        Duration total = calendar.businessTime(period.start(), period.end());
        if (total.isZero()) {
            return new PeriodProgress(Duration.between(period.start(), until), Duration.between(period.start(), period.end()),
                    closed);
        }
        return new PeriodProgress(closed ? total : calendar.businessTime(period.start(), until), total, closed);
    }

    /** Whether at least a quarter of the period's (business) time has passed. */
    public boolean quarterReached() {
        return elapsed.multipliedBy(4).compareTo(total) >= 0;
    }

    /**
     * The instant at which a quarter of the period's (business) time will have passed: the earliest instant by which
     * business time {@code total / 4} (rounded up to whole seconds) has elapsed since the start.
     */
    public static Instant quarterPoint(BusinessCalendar calendar, CommitmentPeriod period) {
        Duration total = calendar.businessTime(period.start(), period.end());
        if (total.isZero()) {
            Duration wall = Duration.between(period.start(), period.end());
            return period.start().plus(wall.dividedBy(4));
        }
        long quarter = (total.getSeconds() + 3) / 4;
        return calendar.due(period.start(), Duration.ofSeconds(Math.max(1, quarter)));
    }
}
