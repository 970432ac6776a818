package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The brute-force oracle for composed business time: whether each minute of a window is open, decided one minute at
 * a time by a predicate, and then walked minute by minute. Every bound must be a whole minute.
 */
final class MinuteModel {

    private final long windowStart;
    private final boolean[] open;

    MinuteModel(Instant from, Instant to, Predicate<Instant> openAt) {
        this.windowStart = Math.floorDiv(from.getEpochSecond(), 60) * 60;
        this.open = new boolean[(int) ((Math.floorDiv(to.getEpochSecond(), 60) * 60 - windowStart) / 60)];
        for (int m = 0; m < open.length; m++) {
            open[m] = openAt.test(Instant.ofEpochSecond(windowStart + 60L * m));
        }
    }

    Instant windowEnd() {
        return Instant.ofEpochSecond(windowStart + 60L * open.length);
    }

    boolean isOpen(Instant at) {
        return open[minute(at.getEpochSecond())];
    }

    private int minute(long second) {
        long m = Math.floorDiv(second - windowStart, 60);
        if (m < 0 || m >= open.length) {
            throw new IllegalArgumentException("outside the window: " + Instant.ofEpochSecond(second));
        }
        return (int) m;
    }

    /** Empty if the window ends first. */
    Optional<Instant> due(Instant start, Duration duration) {
        long remaining = duration.getSeconds();
        long t = start.getEpochSecond();
        for (int m = minute(t); m < open.length; m++) {
            long minuteEnd = windowStart + 60L * (m + 1);
            if (open[m]) {
                if (remaining <= minuteEnd - t) {
                    return Optional.of(Instant.ofEpochSecond(t + remaining));
                }
                remaining -= minuteEnd - t;
            }
            t = minuteEnd;
        }
        return Optional.empty();
    }

    Duration businessTime(Instant from, Instant to) {
        long total = 0;
        for (long t = from.getEpochSecond(); t < to.getEpochSecond(); ) {
            int m = minute(t);
            long end = Math.min(windowStart + 60L * (m + 1), to.getEpochSecond());
            if (open[m]) {
                total += end - t;
            }
            t = end;
        }
        return Duration.ofSeconds(total);
    }

    /** Empty if openness does not change inside the window. */
    Optional<Instant> nextChange(Instant at) {
        int m = minute(at.getEpochSecond());
        for (int k = m + 1; k < open.length; k++) {
            if (open[k] != open[m]) {
                return Optional.of(Instant.ofEpochSecond(windowStart + 60L * k));
            }
        }
        return Optional.empty();
    }
}
