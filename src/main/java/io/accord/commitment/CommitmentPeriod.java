package io.accord.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One period of a commitment: local dates [{@code startDate}, {@code endDate}) in the calendar's zone, and the
 * instants [{@code start}, {@code end}) they span. A period starts at the first instant of its first local date
 * ({@link LocalDate#atStartOfDay(ZoneId)}: local midnight, or the end of a daylight-saving gap that swallows
 * midnight), so consecutive periods touch exactly. Pure; no framework types.
 */
public record CommitmentPeriod(LocalDate startDate, LocalDate endDate, Instant start, Instant end) {

    public CommitmentPeriod {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period must not be empty: " + start + ".." + end);
        }
    }

    /** The period of the given kind that starts on {@code startDate} (which must be a period start). */
    public static CommitmentPeriod starting(PeriodKind kind, LocalDate startDate, ZoneId zone) {
        if (!kind.isStart(startDate)) {
            throw new IllegalArgumentException(startDate + " is not the start of a " + kind.wire());
        }
        LocalDate endDate = kind.next(startDate);
        return new CommitmentPeriod(startDate, endDate, startDate.atStartOfDay(zone).toInstant(),
                endDate.atStartOfDay(zone).toInstant());
    }

    /** The period of the given kind that contains {@code at}. */
    public static CommitmentPeriod containing(PeriodKind kind, Instant at, ZoneId zone) {
        return starting(kind, kind.startOf(at.atZone(zone).toLocalDate()), zone);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Whether the period is over at {@code now}: its end is not after now. */
    public boolean closedAt(Instant now) {
        return !end.isAfter(now);
    }

    /**
     * The periods of a commitment that starts on {@code startsOn} which have begun by {@code now}, newest first
     * (the first one is the open period containing {@code now}, unless the commitment has not started yet, in which
     * case the list is empty). At most {@code limit} periods, beginning with the one that starts before
     * {@code before} (exclusive; null for the newest).
     */
    public static List<CommitmentPeriod> begunBy(PeriodKind kind, LocalDate startsOn, ZoneId zone, Instant now,
            LocalDate before, int limit) {
        List<CommitmentPeriod> out = new ArrayList<>();
        LocalDate first = kind.startOf(startsOn);
        CommitmentPeriod current = containing(kind, now, zone);
        LocalDate date = current.startDate();
        if (before != null && !date.isBefore(before)) {
            date = kind.startOf(before.minusDays(1));
        }
        while (!date.isBefore(first) && out.size() < limit) {
            out.add(starting(kind, date, zone));
            date = kind.previous(date);
        }
        return out;
    }

    /**
     * The periods that closed in (after, now]: those whose end is after {@code after} and not after {@code now},
     * oldest first, starting no earlier than {@code startsOn}'s period.
     */
    public static List<CommitmentPeriod> closedBetween(PeriodKind kind, LocalDate startsOn, ZoneId zone, Instant after,
            Instant now) {
        List<CommitmentPeriod> out = new ArrayList<>();
        if (!now.isAfter(after)) {
            return out;
        }
        CommitmentPeriod p = containing(kind, after, zone);
        if (!p.end().isAfter(after)) {
            p = starting(kind, kind.next(p.startDate()), zone);
        }
        LocalDate first = kind.startOf(startsOn);
        while (!p.end().isAfter(now)) {
            if (!p.startDate().isBefore(first)) {
                out.add(p);
            }
            p = starting(kind, kind.next(p.startDate()), zone);
        }
        return out;
    }
}
