package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Business time as the SLA clocks count it: a set of open instants, and the arithmetic over it. A
 * {@link BusinessCalendar} is one; {@link #both} (open only when two are open, e.g. a team's calendar and its owner's
 * own hours) and {@link #minus} (closed during given ranges, e.g. a lead on hold or an absent owner) build others.
 * Pure and immutable.
 *
 * <p>Every implementation answers {@link #nextSpan}; the other four are derived from it, with the semantics written
 * on {@link BusinessCalendar}: {@code due(start, d)} is the earliest {@code t} such that the business time inside
 * [start, t) equals {@code d}; a deadline that ends exactly at the end of an open span returns that end. An open span
 * that does not close within {@link BusinessCalendar#SEARCH_HORIZON} is treated as closing there.
 */
public interface BusinessTime {

    /** A maximal open span [start, end), clipped to begin no earlier than the instant it was asked from. */
    record Span(Instant start, Instant end) {
        public Span {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("empty span: " + start + " .. " + end);
            }
        }
    }

    /**
     * The open span that contains {@code from} (then {@code start == from}) or else the next one; empty if none
     * begins within {@link BusinessCalendar#SEARCH_HORIZON} of {@code from}. The span is maximal: business time is
     * closed at its end.
     */
    Optional<Span> nextSpan(Instant from);

    /** Whether {@code at} lies inside business time. */
    default boolean isOpen(Instant at) {
        return nextSpan(at).filter(s -> s.start().equals(at)).isPresent();
    }

    /** The first instant after {@code at} at which {@link #isOpen} flips; empty beyond the search horizon. */
    default Optional<Instant> nextChange(Instant at) {
        return nextSpan(at).map(s -> s.start().equals(at) ? s.end() : s.start());
    }

    /** The length of business time inside [from, to); zero if {@code to} is not after {@code from}. */
    default Duration businessTime(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant pos = from;
        while (pos.isBefore(to)) {
            Optional<Span> span = nextSpan(pos);
            if (span.isEmpty() || !span.get().start().isBefore(to)) {
                break;
            }
            Instant end = span.get().end().isBefore(to) ? span.get().end() : to;
            total = total.plus(Duration.between(span.get().start(), end));
            pos = span.get().end();
        }
        return total;
    }

    /**
     * The earliest instant {@code t} such that the business time inside [start, t) equals {@code duration}.
     *
     * @throws IllegalArgumentException if the duration is not positive
     * @throws NoBusinessTimeException  if the business time runs out within the search horizon
     */
    default Instant due(Instant start, Duration duration) {
        Objects.requireNonNull(start, "start");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        Duration remaining = duration;
        Instant pos = start;
        while (true) {
            Span span = nextSpan(pos).orElseThrow(() -> new NoBusinessTimeException(
                    "no business time within " + BusinessCalendar.SEARCH_HORIZON.toDays() + " days"));
            Duration available = Duration.between(span.start(), span.end());
            if (remaining.compareTo(available) <= 0) {
                return span.start().plus(remaining);
            }
            remaining = remaining.minus(available);
            pos = span.end();
        }
    }

    /** Open only when both are open: a team's calendar and its owner's own hours, say. */
    static BusinessTime both(BusinessTime a, BusinessTime b) {
        return new BusinessTimes.Both(a, b);
    }

    /** This business time, closed during {@code closed} (any order; overlapping or touching ranges merge). */
    default BusinessTime minus(Collection<TimeRange> closed) {
        return closed.isEmpty() ? this : new BusinessTimes.Minus(this, closed);
    }
}
