package io.accord.calendar;

import io.accord.common.FieldError;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validation of a business calendar as it arrives in JSON (raw strings), and conversion of a valid one into a
 * {@link BusinessCalendar}.
 *
 * <p>Rules, reported as {@link FieldError}s with these field paths:
 * <ul>
 * <li>{@code timeZone}: required; an IANA region id known to the JDK, such as {@code Europe/Berlin}, {@code UTC} or
 * {@code Etc/UTC}. Offsets and offset-style ids ({@code +02:00}, {@code UTC+2}, {@code GMT+1}) are rejected.</li>
 * <li>{@code hours}: at least one interval in the week.</li>
 * <li>{@code hours[i].day}: lowercase English weekday name, {@code monday}..{@code sunday}.</li>
 * <li>{@code hours[i].start}: {@code HH:MM} between {@code 00:00} and {@code 23:59}.</li>
 * <li>{@code hours[i].end}: {@code HH:MM} between {@code 00:00} and {@code 23:59}, or {@code 24:00}; after the
 * start.</li>
 * <li>{@code hours[i].start}: intervals of the same day must not overlap (touching is fine); reported on the interval
 * that starts later (for equal starts, the one listed later).</li>
 * <li>{@code holidays[i].date}: ISO {@code yyyy-MM-dd}, a real date, not listed twice (reported on the repetition).</li>
 * </ul>
 * A missing {@code holidays} list means no holidays.
 */
public final class CalendarRules {

    /** One weekly interval as received: day name and {@code HH:MM} times. */
    public record IntervalSpec(String day, String start, String end) {
    }

    /** One holiday as received: an ISO date. */
    public record HolidaySpec(String date) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, DayOfWeek> DAYS = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toUnmodifiableMap(d -> d.name().toLowerCase(Locale.ROOT), d -> d));

    private CalendarRules() {
    }

    /** All violated rules, in the order of the fields; empty if the calendar is valid. */
    public static List<FieldError> validate(String timeZone, List<IntervalSpec> hours, List<HolidaySpec> holidays) {
        List<FieldError> errors = new ArrayList<>();
        if (timeZone == null || timeZone.isBlank()) {
            errors.add(new FieldError("timeZone", "is required"));
        } else if (parseZone(timeZone).isEmpty()) {
            errors.add(new FieldError("timeZone",
                    "must be an IANA time zone id such as Europe/Berlin or UTC, not an offset"));
        }
        validateHours(hours, errors);
        validateHolidays(holidays, errors);
        return errors;
    }

    /**
     * Builds the calendar of a request that {@link #validate} accepted.
     *
     * @throws IllegalArgumentException if the request is invalid
     */
    public static BusinessCalendar toCalendar(String timeZone, List<IntervalSpec> hours, List<HolidaySpec> holidays) {
        List<FieldError> errors = validate(timeZone, hours, holidays);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid calendar: " + errors);
        }
        List<WeeklyInterval> intervals = hours.stream()
                .map(h -> new WeeklyInterval(DAYS.get(h.day()), WeeklyInterval.parseTimeOfDay(h.start()),
                        WeeklyInterval.parseTimeOfDay(h.end())))
                .toList();
        List<LocalDate> dates = holidays == null ? List.of()
                : holidays.stream().map(h -> LocalDate.parse(h.date())).toList();
        return new BusinessCalendar(ZoneId.of(timeZone), intervals, dates);
    }

    /** The zone of an IANA region id known to the JDK; empty for offsets, offset-style ids and unknown names. */
    public static Optional<ZoneId> parseZone(String timeZone) {
        if (timeZone == null || !availableZoneIds().contains(timeZone)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The weekday of a lowercase English day name, e.g. {@code monday}. */
    static Optional<DayOfWeek> parseDay(String day) {
        return Optional.ofNullable(day == null ? null : DAYS.get(day));
    }

    private static Set<String> availableZoneIds() {
        return ZoneIds.AVAILABLE;
    }

    /** Lazily computed, as {@link ZoneId#getAvailableZoneIds()} copies the set on every call. */
    private static final class ZoneIds {
        static final Set<String> AVAILABLE = Set.copyOf(ZoneId.getAvailableZoneIds());
    }

    private record Parsed(int index, DayOfWeek day, int start, int end) {
    }

    private static void validateHours(List<IntervalSpec> hours, List<FieldError> errors) {
        if (hours == null || hours.isEmpty()) {
            errors.add(new FieldError("hours", "must contain at least one interval in the week"));
            return;
        }
        List<Parsed> valid = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            String path = "hours[" + i + "]";
            IntervalSpec spec = hours.get(i);
            if (spec == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            Optional<DayOfWeek> day = Optional.empty();
            if (spec.day() == null) {
                errors.add(new FieldError(path + ".day", "is required"));
            } else {
                day = parseDay(spec.day());
                if (day.isEmpty()) {
                    errors.add(new FieldError(path + ".day", "must be one of monday, tuesday, wednesday, thursday, "
                            + "friday, saturday, sunday"));
                }
            }
            Integer start = null;
            if (spec.start() == null) {
                errors.add(new FieldError(path + ".start", "is required"));
            } else {
                Integer minute = parseTime(spec.start());
                if (minute == null || minute == WeeklyInterval.END_OF_DAY) {
                    errors.add(new FieldError(path + ".start", "must be a time HH:MM between 00:00 and 23:59"));
                } else {
                    start = minute;
                }
            }
            Integer end = null;
            if (spec.end() == null) {
                errors.add(new FieldError(path + ".end", "is required"));
            } else {
                end = parseTime(spec.end());
                if (end == null) {
                    errors.add(new FieldError(path + ".end", "must be a time HH:MM between 00:00 and 23:59, or 24:00"));
                } else if (start != null && end <= start) {
                    errors.add(new FieldError(path + ".end", "must be after start"));
                    end = null;
                }
            }
            if (day.isPresent() && start != null && end != null) {
                valid.add(new Parsed(i, day.get(), start, end));
            }
        }
        valid.sort(Comparator.comparing(Parsed::day).thenComparingInt(Parsed::start).thenComparingInt(Parsed::index));
        Parsed reach = null; // the interval of the current day that ends latest so far
        for (Parsed p : valid) {
            if (reach != null && reach.day() == p.day() && p.start() < reach.end()) {
                errors.add(new FieldError("hours[" + p.index() + "].start", "overlaps hours[" + reach.index() + "] ("
                        + new WeeklyInterval(reach.day(), reach.start(), reach.end()) + ")"));
            }
            if (reach == null || reach.day() != p.day() || p.end() > reach.end()) {
                reach = p;
            }
        }
        errors.sort(Comparator.comparingInt(CalendarRules::hoursIndex));
    }

    /** Sort key keeping errors grouped by interval index; non-{@code hours[...]} errors keep their place first. */
    private static int hoursIndex(FieldError error) {
        String field = error.field();
        if (!field.startsWith("hours[")) {
            return -1;
        }
        return Integer.parseInt(field.substring(6, field.indexOf(']')));
    }

    private static Integer parseTime(String text) {
        try {
            return WeeklyInterval.parseTimeOfDay(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void validateHolidays(List<HolidaySpec> holidays, List<FieldError> errors) {
        if (holidays == null) {
            return;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            HolidaySpec spec = holidays.get(i);
            if (spec == null) {
                errors.add(new FieldError("holidays[" + i + "]", "is required"));
                continue;
            }
            String path = "holidays[" + i + "].date";
            if (spec.date() == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            LocalDate date = parseDate(spec.date());
            if (date == null) {
                errors.add(new FieldError(path, "must be a date yyyy-MM-dd"));
                continue;
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                errors.add(new FieldError(path, "duplicates holidays[" + first + "]"));
            }
        }
    }

    private static LocalDate parseDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
