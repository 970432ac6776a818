package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Business-time arithmetic for one time zone, a weekly schedule and a set of holidays. Immutable and thread-safe.
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li><b>Business set.</b> For every local date that is not a holiday, each {@link WeeklyInterval} of that date's
 * weekday, [start, end), becomes the instants [{@code ZonedDateTime.of(date, start, zone)},
 * {@code ZonedDateTime.of(date, end, zone)}): a nonexistent local time (spring-forward gap) moves forward by the
 * length of the gap, an ambiguous one (fall-back overlap) takes the earlier offset, and {@code 24:00} means
 * {@code ZonedDateTime.of(date.plusDays(1), 00:00, zone)}. An interval whose converted end is not after its converted
 * start is empty and ignored. Business time is the union of these instant intervals; touching or overlapping ones
 * form one open span.</li>
 * <li><b>Holidays</b> remove a whole local date, i.e. all intervals of that date (an interval of the previous date
 * ending at {@code 24:00} is unaffected).</li>
 * <li>{@link #due(Instant, Duration)}: the earliest instant {@code t} such that the business time inside
 * [start, t) equals the duration. A start outside business time begins counting at the next business instant; a
 * deadline that ends exactly at the end of an open span returns that end, not the start of the next span.</li>
 * <li>{@link #businessTime(Instant, Instant)}: the length of business time inside [from, to); zero if
 * {@code to <= from}.</li>
 * <li>{@link #isOpen(Instant)}: whether the instant lies in the business set.</li>
 * <li>{@link #nextChange(Instant)}: the first instant after the given one at which {@link #isOpen} flips.</li>
 * </ul>
 * Searches look at most {@link #SEARCH_HORIZON} (about 10 years) ahead of the last business time found; beyond it
 * {@link #due} throws {@link NoBusinessTimeException} and {@link #nextChange} returns empty.
 *
 * <h2>Algorithm</h2>
 * Work proceeds local date by local date (each date's intervals are converted once) and, where neither a zone offset
 * transition nor a holiday lies nearby, skips whole weeks at once using the weekly business total, so cost grows
 * with the number of transitions and holidays crossed, not with the length of the duration. The schedule and its
 * conversion to instants live in {@link WeeklySchedule}, the walk over open spans in {@link SpanCursor}; this class
 * holds the arithmetic.
 */
public final class BusinessCalendar implements BusinessTime {

    /** How far ahead of the last business time found a search goes before giving up: 3653 days, about 10 years. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(3653);

    /** The longest duration accepted by {@link #due(Instant, Duration)}: 366 days of business time. */
    public static final Duration MAX_DURATION = Duration.ofDays(366);

    private static final long DAY = WeeklySchedule.DAY;
    private static final long WEEK = WeeklySchedule.WEEK;
    private static final long NANOS = 1_000_000_000L;
    private static final long HORIZON = SEARCH_HORIZON.getSeconds();

    private final WeeklySchedule schedule;
    private final long weeklySeconds;

    /**
     * @param zone      the zone whose local dates and times the schedule and the holidays are written in
     * @param intervals the weekly schedule; intervals of the same weekday must not overlap (touching is fine)
     * @param holidays  local dates without business time
     * @throws IllegalArgumentException if two intervals of the same weekday overlap
     */
    public BusinessCalendar(ZoneId zone, Collection<WeeklyInterval> intervals, Collection<LocalDate> holidays) {
        this.schedule = new WeeklySchedule(zone, intervals, holidays);
        this.weeklySeconds = schedule.weeklySeconds();
    }

    public ZoneId zone() {
        return schedule.zone();
    }

    /** The weekly schedule, sorted by weekday and start. */
    public List<WeeklyInterval> intervals() {
        return schedule.intervals();
    }

    public NavigableSet<LocalDate> holidays() {
        return schedule.holidays();
    }

    /** The nominal business time of a week without holidays or offset transitions. */
    public Duration weeklyBusinessTime() {
        return Duration.ofSeconds(weeklySeconds);
    }

    /**
     * The earliest instant {@code t} such that the business time inside [start, t) equals {@code duration}.
     *
     * @param duration positive, whole seconds, at most {@link #MAX_DURATION}
     * @throws IllegalArgumentException if the duration is not positive, has a fraction of a second or is too long
     * @throws NoBusinessTimeException  if at some point no business time follows within {@link #SEARCH_HORIZON}
     */
    @Override
    public Instant due(Instant start, Duration duration) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("duration must be whole seconds: " + duration);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be at most " + MAX_DURATION + ": " + duration);
        }
        if (weeklySeconds == 0) {
            throw new NoBusinessTimeException("the calendar has no business hours");
        }
        long weeklyNanos = weeklySeconds * NANOS;
        long remaining = duration.toNanos();
        long pos = start.getEpochSecond();
        long posNano = start.getNano(); // only non-zero until the first span has been consumed
        long nextSkipAttempt = pos;
        SpanCursor cursor = new SpanCursor(schedule, pos);
        while (true) {
            if (remaining > 2 * weeklyNanos && pos >= nextSkipAttempt) {
                long weeks = schedule.safeWeeks(pos, (remaining - 1) / weeklyNanos);
                if (weeks > 0) {
                    pos += weeks * WEEK;
                    remaining -= weeks * weeklyNanos;
                    cursor = new SpanCursor(schedule, pos);
                } else {
                    nextSkipAttempt = pos + DAY;
                }
            }
            if (!cursor.next(pos + HORIZON + 1, remaining / NANOS + 2)) {
                throw new NoBusinessTimeException("no business time within " + SEARCH_HORIZON.toDays()
                        + " days after " + Instant.ofEpochSecond(pos));
            }
            long begin = cursor.start == pos ? posNano : 0;
            long available = (cursor.end - cursor.start) * NANOS - begin;
            if (remaining <= available) {
                return Instant.ofEpochSecond(cursor.start, begin + remaining);
            }
            remaining -= available;
            pos = cursor.end;
            posNano = 0;
        }
    }

    /** The length of business time inside [from, to); zero if {@code to} is not after {@code from}. */
    @Override
    public Duration businessTime(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long fromSecond = from.getEpochSecond();
        long toSecond = to.getEpochSecond();
        // Bounds of the business set are whole seconds, so a fraction of a second counts if its second is open.
        Duration result = Duration.ofSeconds(businessSeconds(fromSecond, toSecond));
        if (from.getNano() != 0 && isOpenSecond(fromSecond)) {
            result = result.minusNanos(from.getNano());
        }
        if (to.getNano() != 0 && isOpenSecond(toSecond)) {
            result = result.plusNanos(to.getNano());
        }
        return result;
    }

    /** Whether {@code at} lies inside business time. */
    @Override
    public boolean isOpen(Instant at) {
        return isOpenSecond(at.getEpochSecond());
    }

    /**
     * The first instant after {@code at} at which {@link #isOpen} flips: the end of the open span containing
     * {@code at}, or else the start of the next one. Empty if that lies more than {@link #SEARCH_HORIZON} after
     * {@code at}.
     */
    @Override
    public Optional<Instant> nextChange(Instant at) {
        long second = at.getEpochSecond();
        long horizonEnd = second + HORIZON;
        SpanCursor cursor = new SpanCursor(schedule, second);
        if (!cursor.next(horizonEnd + 1, horizonEnd + 1 - second)) {
            return Optional.empty();
        }
        if (cursor.start > second) {
            return Optional.of(Instant.ofEpochSecond(cursor.start));
        }
        return cursor.end <= horizonEnd ? Optional.of(Instant.ofEpochSecond(cursor.end)) : Optional.empty();
    }

    @Override
    public Optional<Span> nextSpan(Instant from) {
        return BusinessTimes.spanOf(this, from);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone() + ", " + intervals() + ", holidays=" + holidays() + "]";
    }

    /** Business seconds inside [from, to), in epoch seconds. */
    private long businessSeconds(long from, long to) {
        if (to <= from || weeklySeconds == 0) {
            return 0;
        }
        long total = 0;
        long pos = from;
        long nextSkipAttempt = from;
        SpanCursor cursor = new SpanCursor(schedule, pos);
        while (pos < to) {
            if (to - pos > 2 * WEEK && pos >= nextSkipAttempt) {
                long weeks = schedule.safeWeeks(pos, (to - pos) / WEEK);
                if (weeks > 0) {
                    total += weeks * weeklySeconds;
                    pos += weeks * WEEK;
                    cursor = new SpanCursor(schedule, pos);
                    continue;
                }
                nextSkipAttempt = pos + DAY;
            }
            if (!cursor.next(to, to - pos)) {
                break;
            }
            total += Math.min(cursor.end, to) - cursor.start;
            pos = cursor.end;
        }
        return total;
    }

    private boolean isOpenSecond(long second) {
        return new SpanCursor(schedule, second).next(second + 1, 1);
    }
}
