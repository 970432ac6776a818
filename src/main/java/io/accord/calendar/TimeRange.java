package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open range of instants [from, to), e.g. a hold or an absence; {@code from < to}. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range must end after it starts: " + from + " .. " + to);
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
