package io.accord.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The combinators behind {@link BusinessTime#both} and {@link BusinessTime#minus}. Pure. */
final class BusinessTimes {

    private BusinessTimes() {
    }

    /** The span of a calendar from its own {@code isOpen} and {@code nextChange}. */
    static Optional<BusinessTime.Span> spanOf(BusinessCalendar calendar, Instant from) {
        Instant start = from;
        if (!calendar.isOpen(from)) {
            Optional<Instant> opens = calendar.nextChange(from);
            if (opens.isEmpty()) {
                return Optional.empty();
            }
            start = opens.get();
        }
        Instant end = calendar.nextChange(start).orElse(start.plus(BusinessCalendar.SEARCH_HORIZON));
        return Optional.of(new BusinessTime.Span(start, end));
    }

    /** Open when both are: the intersection of their maximal spans is maximal. */
    record Both(BusinessTime a, BusinessTime b) implements BusinessTime {

        @Override
        public Optional<Span> nextSpan(Instant from) {
            Instant limit = from.plus(BusinessCalendar.SEARCH_HORIZON);
            Instant pos = from;
            while (!pos.isAfter(limit)) {
                Optional<Span> sa = a.nextSpan(pos);
                Optional<Span> sb = b.nextSpan(pos);
                if (sa.isEmpty() || sb.isEmpty()) {
                    return Optional.empty();
                }
                Instant start = later(sa.get().start(), sb.get().start());
                Instant end = earlier(sa.get().end(), sb.get().end());
                if (start.isBefore(end)) {
                    return start.isAfter(limit) ? Optional.empty() : Optional.of(new Span(start, end));
                }
                pos = start;
            }
            return Optional.empty();
        }
    }

    /** A business time closed during sorted, merged ranges. */
    static final class Minus implements BusinessTime {

        private final BusinessTime base;
        private final List<TimeRange> closed;

        Minus(BusinessTime base, Collection<TimeRange> ranges) {
            this.base = base;
            this.closed = merge(ranges);
        }

        List<TimeRange> closed() {
            return closed;
        }

        @Override
        public Optional<Span> nextSpan(Instant from) {
            Instant limit = from.plus(BusinessCalendar.SEARCH_HORIZON);
            Instant pos = from;
            while (!pos.isAfter(limit)) {
                Optional<Span> span = base.nextSpan(pos);
                if (span.isEmpty()) {
                    return Optional.empty();
                }
                Instant start = span.get().start();
                TimeRange covering = covering(start);
                if (covering != null) {
                    pos = covering.to();
                    continue;
                }
                if (start.isAfter(limit)) {
                    return Optional.empty();
                }
                Instant end = span.get().end();
                TimeRange next = firstStartingAfter(start);
                if (next != null && next.from().isBefore(end)) {
                    end = next.from();
                }
                return Optional.of(new Span(start, end));
            }
            return Optional.empty();
        }

        private TimeRange covering(Instant at) {
            int i = indexAtOrBefore(at);
            return i >= 0 && closed.get(i).contains(at) ? closed.get(i) : null;
        }

        private TimeRange firstStartingAfter(Instant at) {
            int i = indexAtOrBefore(at) + 1;
            return i < closed.size() ? closed.get(i) : null;
        }

        /** The index of the last range starting at or before {@code at}, or -1. */
        private int indexAtOrBefore(Instant at) {
            int lo = 0;
            int hi = closed.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (!closed.get(mid).from().isAfter(at)) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    /** Sorts the ranges and merges overlapping or touching ones. */
    static List<TimeRange> merge(Collection<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::from));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            if (!merged.isEmpty() && !r.from().isAfter(merged.get(merged.size() - 1).to())) {
                TimeRange last = merged.remove(merged.size() - 1);
                merged.add(new TimeRange(last.from(), later(last.to(), r.to())));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
