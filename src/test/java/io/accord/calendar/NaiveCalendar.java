package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately naive reference model of {@link BusinessCalendar} over a bounded window: it marks every minute of
 * the window that lies inside some interval of some surrounding local date (converted with
 * {@link ZonedDateTime#of}) and then walks the window minute by minute. Every bound of the business set must be a
 * whole minute, which holds for the zones used in the tests. Answers that would need to look beyond the window are
 * empty.
 */
final class NaiveCalendar {

    private final long windowStart; // epoch second, whole minute
    private final boolean[] open;   // per minute of the window

    NaiveCalendar(ZoneId zone, Collection<WeeklyInterval> hours, Set<LocalDate> holidays, Instant from, Instant to) {
        this.windowStart = Math.floorDiv(from.getEpochSecond(), 60) * 60;
        long windowEnd = Math.floorDiv(to.getEpochSecond(), 60) * 60 + 60;
        this.open = new boolean[(int) ((windowEnd - windowStart) / 60)];
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(2);
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(2);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (WeeklyInterval interval : hours) {
                if (interval.day() != date.getDayOfWeek()) {
                    continue;
                }
                long s = toInstant(date, interval.startMinute(), zone).getEpochSecond();
                long e = toInstant(date, interval.endMinute(), zone).getEpochSecond();
                if (s % 60 != 0 || e % 60 != 0) {
                    throw new IllegalStateException("business set bound is not a whole minute");
                }
                for (long t = s; t < e; t += 60) {
                    long index = (t - windowStart) / 60;
                    if (index >= 0 && index < open.length) {
                        open[(int) index] = true;
                    }
                }
            }
        }
    }

    private static Instant toInstant(LocalDate date, int minute, ZoneId zone) {
        if (minute == 24 * 60) {
            return ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }

    /** The last instant (exclusive) the model knows about. */
    Instant windowEnd() {
        return Instant.ofEpochSecond(windowStart + 60L * open.length);
    }

    private int minuteOf(long epochSecond) {
        long index = Math.floorDiv(epochSecond - windowStart, 60);
        if (index < 0 || index >= open.length) {
            throw new IllegalArgumentException("outside the window: " + Instant.ofEpochSecond(epochSecond));
        }
        return (int) index;
    }

    boolean isOpen(Instant at) {
        return open[minuteOf(at.getEpochSecond())];
    }

    /** Whole-second start; empty if the window ends first. */
    Optional<Instant> due(Instant start, Duration duration) {
        long remaining = duration.getSeconds();
        long t = start.getEpochSecond();
        for (int m = minuteOf(t); m < open.length; m++) {
            long minuteEnd = windowStart + 60L * (m + 1);
            if (open[m]) {
                long available = minuteEnd - t;
                if (remaining <= available) {
                    return Optional.of(Instant.ofEpochSecond(t + remaining));
                }
                remaining -= available;
            }
            t = minuteEnd;
        }
        return Optional.empty();
    }

    /** Whole-second bounds, both inside the window. */
    Duration businessTime(Instant from, Instant to) {
        long total = 0;
        for (long t = from.getEpochSecond(); t < to.getEpochSecond(); ) {
            int m = minuteOf(t);
            long minuteEnd = Math.min(windowStart + 60L * (m + 1), to.getEpochSecond());
            if (open[m]) {
                total += minuteEnd - t;
            }
            t = minuteEnd;
        }
        return Duration.ofSeconds(total);
    }

    /** Empty if openness does not change inside the window. */
    Optional<Instant> nextChange(Instant at) {
        int m = minuteOf(at.getEpochSecond());
        boolean now = open[m];
        for (int k = m + 1; k < open.length; k++) {
            if (open[k] != now) {
                return Optional.of(Instant.ofEpochSecond(windowStart + 60L * k));
            }
        }
        return Optional.empty();
    }
}
