package io.accord.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

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
 * with the number of transitions and holidays crossed, not with the length of the duration.
 */
public final class BusinessCalendar {

    /** How far ahead of the last business time found a search goes before giving up: 3653 days, about 10 years. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(3653);

    /** The longest duration accepted by {@link #due(Instant, Duration)}: 366 days of business time. */
    public static final Duration MAX_DURATION = Duration.ofDays(366);

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;
    private static final long NANOS = 1_000_000_000L;
    private static final long HORIZON = SEARCH_HORIZON.getSeconds();
    /** The largest absolute offset a zone may have ({@link ZoneOffset#MAX}). */
    private static final long MAX_OFFSET = ZoneOffset.MAX.getTotalSeconds();
    /** Week skipping requires no offset transition this close to the skipped span. */
    private static final long TRANSITION_MARGIN = 4 * DAY;
    /** Week skipping requires no holiday this many local dates around the skipped span. */
    private static final long HOLIDAY_MARGIN_DAYS = 3;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The zone's offset if it never changes, else null. */
    private final ZoneOffset fixedOffset;
    private final List<WeeklyInterval> intervals;
    /** Interval bounds in minutes, indexed by {@code DayOfWeek.ordinal()}, sorted by start. */
    private final int[][] starts;
    private final int[][] ends;
    private final NavigableSet<LocalDate> holidays;
    private final long weeklySeconds;

    /**
     * @param zone      the zone whose local dates and times the schedule and the holidays are written in
     * @param intervals the weekly schedule; intervals of the same weekday must not overlap (touching is fine)
     * @param holidays  local dates without business time
     * @throws IllegalArgumentException if two intervals of the same weekday overlap
     */
    public BusinessCalendar(ZoneId zone, Collection<WeeklyInterval> intervals, Collection<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        List<WeeklyInterval> sorted = new ArrayList<>(intervals);
        sorted.forEach(i -> Objects.requireNonNull(i, "interval"));
        sorted.sort(Comparator.comparing(WeeklyInterval::day).thenComparingInt(WeeklyInterval::startMinute));
        this.intervals = List.copyOf(sorted);
        this.starts = new int[7][];
        this.ends = new int[7][];
        long total = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WeeklyInterval> ofDay = sorted.stream().filter(i -> i.day() == day).toList();
            int[] s = new int[ofDay.size()];
            int[] e = new int[ofDay.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = ofDay.get(k).startMinute();
                e[k] = ofDay.get(k).endMinute();
                if (k > 0 && s[k] < e[k - 1]) {
                    throw new IllegalArgumentException("overlapping intervals: " + ofDay.get(k - 1) + ", " + ofDay.get(k));
                }
                total += 60L * (e[k] - s[k]);
            }
            starts[day.ordinal()] = s;
            ends[day.ordinal()] = e;
        }
        this.weeklySeconds = total;
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The weekly schedule, sorted by weekday and start. */
    public List<WeeklyInterval> intervals() {
        return intervals;
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
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
        SpanCursor cursor = new SpanCursor(pos);
        while (true) {
            if (remaining > 2 * weeklyNanos && pos >= nextSkipAttempt) {
                long weeks = safeWeeks(pos, (remaining - 1) / weeklyNanos);
                if (weeks > 0) {
                    pos += weeks * WEEK;
                    remaining -= weeks * weeklyNanos;
                    cursor = new SpanCursor(pos);
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
    public boolean isOpen(Instant at) {
        return isOpenSecond(at.getEpochSecond());
    }

    /**
     * The first instant after {@code at} at which {@link #isOpen} flips: the end of the open span containing
     * {@code at}, or else the start of the next one. Empty if that lies more than {@link #SEARCH_HORIZON} after
     * {@code at}.
     */
    public Optional<Instant> nextChange(Instant at) {
        long second = at.getEpochSecond();
        long horizonEnd = second + HORIZON;
        SpanCursor cursor = new SpanCursor(second);
        if (!cursor.next(horizonEnd + 1, horizonEnd + 1 - second)) {
            return Optional.empty();
        }
        if (cursor.start > second) {
            return Optional.of(Instant.ofEpochSecond(cursor.start));
        }
        return cursor.end <= horizonEnd ? Optional.of(Instant.ofEpochSecond(cursor.end)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + intervals + ", holidays=" + holidays + "]";
    }

    /** Business seconds inside [from, to), in epoch seconds. */
    private long businessSeconds(long from, long to) {
        if (to <= from || weeklySeconds == 0) {
            return 0;
        }
        long total = 0;
        long pos = from;
        long nextSkipAttempt = from;
        SpanCursor cursor = new SpanCursor(pos);
        while (pos < to) {
            if (to - pos > 2 * WEEK && pos >= nextSkipAttempt) {
                long weeks = safeWeeks(pos, (to - pos) / WEEK);
                if (weeks > 0) {
                    total += weeks * weeklySeconds;
                    pos += weeks * WEEK;
                    cursor = new SpanCursor(pos);
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
        return new SpanCursor(second).next(second + 1, 1);
    }

    /**
     * How many whole weeks, at most {@code wanted}, starting at {@code pos} contain exactly the weekly business
     * total: none of the local dates that can reach into them is a holiday and no offset transition is near, so
     * the business set there repeats with a period of exactly 7 days.
     */
    private long safeWeeks(long pos, long wanted) {
        if (wanted <= 0) {
            return 0;
        }
        // Exclusive upper bound for the end of the skipped span.
        long limit = Long.MAX_VALUE;
        if (fixedOffset == null) {
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(pos - TRANSITION_MARGIN));
            if (next != null) {
                limit = next.toEpochSecond() - TRANSITION_MARGIN;
            }
        }
        LocalDate holiday = holidays.ceiling(LocalDate.ofEpochDay(Math.floorDiv(pos, DAY) - HOLIDAY_MARGIN_DAYS));
        if (holiday != null) {
            limit = Math.min(limit, (holiday.toEpochDay() - HOLIDAY_MARGIN_DAYS) * DAY);
        }
        if (limit == Long.MAX_VALUE) {
            return wanted;
        }
        long weeks = Math.floorDiv(limit - pos - 1, WEEK);
        return Math.max(0, Math.min(weeks, wanted));
    }

    /**
     * Adds the business intervals of one local date, in epoch seconds, to {@code cursor}. They all lie within
     * [date 00:00 - 18h, date 24:00 + 18h] read as UTC, since no zone offset exceeds 18 hours.
     */
    private void addIntervalsOf(long epochDay, SpanCursor cursor) {
        int dayIndex = (int) Math.floorMod(epochDay + 3, 7L); // 1970-01-01 was a Thursday
        int[] s = starts[dayIndex];
        if (s.length == 0) {
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (!holidays.isEmpty() && holidays.contains(date)) {
            return;
        }
        int[] e = ends[dayIndex];
        for (int k = 0; k < s.length; k++) {
            long start = toEpochSecond(date, s[k]);
            long end = toEpochSecond(date, e[k]);
            if (end > start) {
                cursor.add(start, end);
            }
        }
    }

    /** {@code ZonedDateTime.of(date, minute, zone)} in epoch seconds; minute 1440 is the next date's midnight. */
    private long toEpochSecond(LocalDate date, int minute) {
        LocalDateTime local = minute == WeeklyInterval.END_OF_DAY
                ? date.plusDays(1).atStartOfDay()
                : LocalDateTime.of(date, LocalTime.of(minute / 60, minute % 60));
        if (fixedOffset != null) {
            return local.toEpochSecond(fixedOffset);
        }
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toEpochSecond(offsets.get(0));
        }
        return ZonedDateTime.of(local, zone).toEpochSecond();
    }

    /**
     * Walks the business set forwards from an instant as maximal open spans, loading local dates as needed.
     * Spans are clipped so that they never start before the instant nor before the end of the previous span.
     */
    private final class SpanCursor {
        private long nextDay;
        private long lastEnd;
        private long[] bufferStart = new long[8];
        private long[] bufferEnd = new long[8];
        private int head;
        private int tail;
        /** The current span, [start, end), valid after {@link #next} returned true. */
        long start;
        long end;

        SpanCursor(long from) {
            // Dates before this one end no later than (date + 1 day + 18h), i.e. before from.
            this.nextDay = Math.floorDiv(from, DAY) - 2;
            this.lastEnd = from;
        }

        /**
         * Moves to the next span that starts before {@code limitStart}, merging touching and overlapping intervals
         * until the span is at least {@code maxLength} long (a longer span continues in the next call).
         *
         * @return false if there is no such span; the cursor must not be used afterwards
         */
        boolean next(long limitStart, long maxLength) {
            while (true) {
                // Load dates until the earliest buffered interval cannot be preceded by one of an unloaded date.
                while (head == tail ? lowerBound(nextDay) < limitStart : lowerBound(nextDay) <= bufferStart[head]) {
                    addIntervalsOf(nextDay++, this);
                }
                if (head == tail) {
                    return false;
                }
                long s = Math.max(bufferStart[head], lastEnd);
                long e = bufferEnd[head];
                head++;
                if (e <= s) {
                    continue; // already consumed
                }
                if (s >= limitStart) {
                    return false;
                }
                while (e - s < maxLength) {
                    while (lowerBound(nextDay) <= e) {
                        addIntervalsOf(nextDay++, this);
                    }
                    if (head == tail || bufferStart[head] > e) {
                        break;
                    }
                    e = Math.max(e, bufferEnd[head]);
                    head++;
                }
                start = s;
                end = e;
                lastEnd = e;
                return true;
            }
        }

        /** The earliest instant at which an interval of the given local date can start. */
        private long lowerBound(long epochDay) {
            return epochDay * DAY - MAX_OFFSET;
        }

        /** Inserts an interval, keeping the buffer sorted by start. */
        void add(long s, long e) {
            if (tail == bufferStart.length) {
                int size = tail - head;
                if (size * 2 > bufferStart.length) {
                    bufferStart = java.util.Arrays.copyOf(bufferStart, bufferStart.length * 2);
                    bufferEnd = java.util.Arrays.copyOf(bufferEnd, bufferEnd.length * 2);
                }
                System.arraycopy(bufferStart, head, bufferStart, 0, size);
                System.arraycopy(bufferEnd, head, bufferEnd, 0, size);
                head = 0;
                tail = size;
            }
            int i = tail++;
            while (i > head && bufferStart[i - 1] > s) {
                bufferStart[i] = bufferStart[i - 1];
                bufferEnd[i] = bufferEnd[i - 1];
                i--;
            }
            bufferStart[i] = s;
            bufferEnd[i] = e;
        }
    }
}
