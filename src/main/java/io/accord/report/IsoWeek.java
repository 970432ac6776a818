package io.accord.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO 8601 week such as {@code 2026-W47}: Monday to Sunday, week 1 being the one with the year's first Thursday. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** A text that is not an ISO week; the message says why, phrased to follow the parameter's name. */
    public static final class InvalidWeekException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidWeekException(String reason) {
            super(reason);
        }
    }

    /**
     * Parses {@code YYYY-Www}.
     *
     * @throws InvalidWeekException when malformed or beyond the year's last week
     */
    public static IsoWeek parse(String value) {
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidWeekException("must be an ISO week such as 2026-W47");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new InvalidWeekException(year + " has weeks 01 to " + weeks);
        }
        return new IsoWeek(year, week);
    }

    /** The week containing a local date. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The last complete week before the one containing {@code now} in {@code zone}. */
    public static IsoWeek previous(Instant now, ZoneId zone) {
        return of(now.atZone(zone).toLocalDate().minusWeeks(1));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public IsoWeek before() {
        return of(monday().minusWeeks(1));
    }

    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }

}
