package io.accord.calendar;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * One business interval of a weekday, as local wall-clock times: [{@code startMinute}, {@code endMinute})
 * in minutes since local midnight. {@code endMinute} may be {@value #END_OF_DAY} ({@code 24:00}), meaning
 * the next local midnight.
 *
 * @param day         the weekday the interval belongs to
 * @param startMinute inclusive start, 0..1439
 * @param endMinute   exclusive end, startMinute+1..1440
 */
public record WeeklyInterval(DayOfWeek day, int startMinute, int endMinute) {

    /** Minutes of {@code 24:00}, the only end that is not a time of day. */
    public static final int END_OF_DAY = 24 * 60;

    public WeeklyInterval {
        Objects.requireNonNull(day, "day");
        if (startMinute < 0 || startMinute >= END_OF_DAY) {
            throw new IllegalArgumentException("startMinute must be within 0..1439: " + startMinute);
        }
        if (endMinute <= startMinute || endMinute > END_OF_DAY) {
            throw new IllegalArgumentException(
                    "endMinute must be within startMinute+1..1440: " + startMinute + ".." + endMinute);
        }
    }

    /** Builds an interval from {@code "HH:MM"} texts such as {@code "09:00"} and {@code "24:00"} (see {@link #parseTimeOfDay}). */
    public static WeeklyInterval of(DayOfWeek day, String start, String end) {
        return new WeeklyInterval(day, parseTimeOfDay(start), parseTimeOfDay(end));
    }

    /** Length of the interval in minutes. */
    public int lengthMinutes() {
        return endMinute - startMinute;
    }

    /**
     * Parses a time of day written as exactly two digits, a colon and two digits: {@code 00:00}..{@code 23:59}, or
     * exactly {@code 24:00} (which callers must only accept as an end).
     *
     * @return minutes since midnight, 0..1440
     * @throws IllegalArgumentException if the text is not such a time
     */
    public static int parseTimeOfDay(String text) {
        if (text == null || text.length() != 5 || text.charAt(2) != ':'
                || !isDigit(text, 0) || !isDigit(text, 1) || !isDigit(text, 3) || !isDigit(text, 4)) {
            throw new IllegalArgumentException("not a time of the form HH:MM: " + text);
        }
        int hours = (text.charAt(0) - '0') * 10 + (text.charAt(1) - '0');
        int minutes = (text.charAt(3) - '0') * 10 + (text.charAt(4) - '0');
        if (hours == 24 && minutes == 0) {
            return END_OF_DAY;
        }
        if (hours > 23 || minutes > 59) {
            throw new IllegalArgumentException("not a time between 00:00 and 24:00: " + text);
        }
        return hours * 60 + minutes;
    }

    /** Formats minutes since midnight (0..1440) as {@code HH:MM}. */
    public static String formatTimeOfDay(int minute) {
        if (minute < 0 || minute > END_OF_DAY) {
            throw new IllegalArgumentException("minute out of range: " + minute);
        }
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    private static boolean isDigit(String text, int index) {
        char c = text.charAt(index);
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return day.name().toLowerCase(java.util.Locale.ROOT) + " " + formatTimeOfDay(startMinute) + "-"
                + formatTimeOfDay(endMinute);
    }
}
