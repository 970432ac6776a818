package io.accord.sla;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.BusinessTime;
import io.accord.calendar.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A clock's pause bookkeeping: the holds that paused it, as ranges of instants, the time they took, and the deadlines
 * they move. Pure; the business time is passed in.
 *
 * <ul>
 * <li>A pause lasts [from, to). One still open ends at its {@code until} when that has come, else at the instant it
 * is looked at ({@link #ranges}).</li>
 * <li>A pause only counts up to the clock's end (its met or cancel instant): later parts are dropped.</li>
 * <li>Deadlines are {@code time.minus(pauses).due(start, target)}, and the same for warning and escalation
 * ({@link MilestoneTarget#deadlines}): they move by the paused business time, not by wall time.</li>
 * <li>The paused business time is the business time of the clock's span less that of the same span minus the pauses;
 * overlapping pauses count once.</li>
 * </ul>
 */
public final class ClockPauses {

    /** One pause; {@code to} null while it lasts, {@code until} null when it lasts until resumed. */
    public record Pause(Instant from, Instant to, Instant until, String reason) {

        /** Where the pause ends when looked at at {@code at}: its end, its due {@code until}, or {@code at}. */
        Instant endAt(Instant at) {
            if (to != null) {
                return to;
            }
            return until != null && until.isBefore(at) ? until : at;
        }

        public boolean open() {
            return to == null;
        }
    }

    /**
     * A paused clock resumed at {@code end}: its new deadlines and the totals of its pauses, all closed now.
     *
     * @param pauses how many pauses paused it
     */
    public record Resumption(Instant end, MilestoneTarget.Deadlines deadlines, int pauses, Duration pausedBusiness,
            Duration pausedWall) {
    }

    /** Business time that is always open: deadlines then move by wall time (a clock whose calendar is gone). */
    public static final BusinessTime ALWAYS_OPEN = from -> Optional.of(
            new BusinessTime.Span(from, from.plus(BusinessCalendar.SEARCH_HORIZON)));

    private ClockPauses() {
    }

    /**
     * The clock's state once its pauses are closed at {@code at} (an open pause ends there, or at its {@code until}
     * if that came first): deadlines on {@code time} minus the pauses, their count and their business and wall time.
     */
    public static Resumption resume(BusinessTime time, MilestoneTarget target, Instant start, List<Pause> pauses,
            Instant at) {
        List<TimeRange> ranges = ranges(pauses, at);
        return new Resumption(at, deadlines(time, target, start, ranges), ranges.size(),
                pausedBusinessTime(time, ranges), pausedWallTime(ranges));
    }

    /**
     * The pauses as closed ranges as of {@code at}, sorted by start: open pauses end at {@code at} (or their due
     * {@code until}), and everything at or after {@code at} is dropped. Empty ranges are left out.
     */
    public static List<TimeRange> ranges(List<Pause> pauses, Instant at) {
        List<TimeRange> ranges = new ArrayList<>();
        for (Pause p : pauses) {
            Instant end = p.endAt(at);
            if (end.isAfter(at)) {
                end = at;
            }
            if (end.isAfter(p.from())) {
                ranges.add(new TimeRange(p.from(), end));
            }
        }
        ranges.sort(Comparator.comparing(TimeRange::from));
        return List.copyOf(ranges);
    }

    /** The deadlines of a milestone started at {@code start}, on {@code time} closed during {@code ranges}. */
    public static MilestoneTarget.Deadlines deadlines(BusinessTime time, MilestoneTarget target, Instant start,
            List<TimeRange> ranges) {
        BusinessTime paused = time.minus(ranges);
        return target.deadlines(start, paused::due);
    }

    /** The business time on {@code time} that the ranges took (overlaps once). */
    public static Duration pausedBusinessTime(BusinessTime time, List<TimeRange> ranges) {
        if (ranges.isEmpty()) {
            return Duration.ZERO;
        }
        Instant from = ranges.stream().map(TimeRange::from).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = ranges.stream().map(TimeRange::to).max(Comparator.naturalOrder()).orElseThrow();
        return time.businessTime(from, to).minus(time.minus(ranges).businessTime(from, to));
    }

    /** The wall time the ranges took (overlaps once). */
    public static Duration pausedWallTime(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::from));
        Duration total = Duration.ZERO;
        Instant covered = null;
        for (TimeRange r : sorted) {
            Instant from = covered != null && covered.isAfter(r.from()) ? covered : r.from();
            if (r.to().isAfter(from)) {
                total = total.plus(Duration.between(from, r.to()));
                covered = r.to();
            }
        }
        return total;
    }
}
