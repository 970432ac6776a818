package io.accord.common;

import java.time.Instant;

/**
 * The instants Accord accepts from callers, in query parameters and JSON bodies alike: years 1900 to 9999 (UTC).
 * Calendars, clocks and reports compute with instants; outside this range their arithmetic (and PostgreSQL's
 * {@code timestamptz}) would overflow, so such an instant is a 400 naming the field, never a 500.
 */
public final class InstantRange {

    public static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String MESSAGE = "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private InstantRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }
}
