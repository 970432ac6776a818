package io.accord.calendar;

import java.time.DayOfWeek;
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
import java.util.TreeSet;

/**
 * The model behind a {@link BusinessCalendar}: a zone, a weekly schedule and holidays, indexed so that a local date's
 * business intervals come out as epoch seconds cheaply. Immutable and thread-safe. The conversion rules (gaps, overlaps,
 * {@code 24:00}, holidays) are those {@link BusinessCalendar} documents.
 */
final class WeeklySchedule {

    static final long DAY = 86_400;
    static final long WEEK = 7 * DAY;
    /** The largest absolute offset a zone may have ({@link ZoneOffset#MAX}). */
    static final long MAX_OFFSET = ZoneOffset.MAX.getTotalSeconds();
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

    /** @throws IllegalArgumentException if two intervals of the same weekday overlap */
    WeeklySchedule(ZoneId zone, Collection<WeeklyInterval> intervals, Collection<LocalDate> holidays) {
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

    ZoneId zone() {
        return zone;
    }

    /** The weekly schedule, sorted by weekday and start. */
    List<WeeklyInterval> intervals() {
        return intervals;
    }

    NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** The nominal business seconds of a week without holidays or offset transitions. */
    long weeklySeconds() {
        return weeklySeconds;
    }

    /**
     * How many whole weeks, at most {@code wanted}, starting at {@code pos} contain exactly the weekly business
     * total: none of the local dates that can reach into them is a holiday and no offset transition is near, so
     * the business set there repeats with a period of exactly 7 days.
     */
    long safeWeeks(long pos, long wanted) {
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
    void addIntervalsOf(long epochDay, SpanCursor cursor) {
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
}
