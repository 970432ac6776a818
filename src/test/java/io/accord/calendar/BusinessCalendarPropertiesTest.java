package io.accord.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares {@link BusinessCalendar} with the minute-by-minute {@link NaiveCalendar} on generated calendars (split
 * shifts, {@code 00:00} starts, {@code 24:00} ends, holidays) in zones with unusual offsets and DST rules, with
 * starts concentrated around the offset transitions of 2026 and 2027.
 */
class BusinessCalendarPropertiesTest {

    static final List<ZoneId> ZONES = List.of("Europe/Berlin", "America/New_York", "America/Sao_Paulo",
            "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns")
            .stream().map(ZoneId::of).toList();
    private static final long DAY = 86_400;
    private static final Instant FROM_2026 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL_2028 = Instant.parse("2028-01-01T00:00:00Z");
    private static final int FRACTION = 1_000_000;

    /** A generated calendar, a start and two fractions used to derive durations and range ends. */
    record Scenario(ZoneId zone, List<WeeklyInterval> hours, Set<LocalDate> holidays, Instant start, int f1, int f2) {

        BusinessCalendar calendar() {
            return new BusinessCalendar(zone, hours, holidays);
        }

        NaiveCalendar naive() {
            return new NaiveCalendar(zone, hours, holidays, start.minusSeconds(DAY), start.plusSeconds(60 * DAY));
        }

        /** Up to about three business days of a Monday-to-Friday calendar (3/5 of the weekly total). */
        Duration duration(int fraction) {
            long weekly = hours.stream().mapToLong(WeeklyInterval::lengthMinutes).sum() * 60;
            long max = Math.max(60, weekly * 3 / 5);
            long seconds = 1 + (max - 1) * fraction / FRACTION;
            if (fraction % 3 == 0) {
                seconds = Math.max(60, seconds / 60 * 60); // whole minutes hit interval ends exactly
            }
            return Duration.ofSeconds(seconds);
        }

        @Override
        public String toString() {
            return zone + " " + hours + " holidays=" + holidays + " start=" + start + " (" + start.atZone(zone)
                    + ") f1=" + f1 + " f2=" + f2;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> fraction = Arbitraries.integers().between(0, FRACTION);
        Arbitrary<Set<Integer>> holidayOffsets = Arbitraries.integers().between(-2, 14).set().ofMaxSize(4);
        return Arbitraries.of(ZONES).flatMap(zone -> Combinators
                .combine(weeklyHours(), starts(zone), holidayOffsets, fraction, fraction)
                .as((hours, start, offsets, f1, f2) -> {
                    LocalDate day = LocalDate.ofInstant(start, zone);
                    Set<LocalDate> holidays = offsets.stream().map(day::plusDays)
                            .collect(Collectors.toCollection(TreeSet::new));
                    return new Scenario(zone, hours, holidays, start, f1, f2);
                }));
    }

    /** Like {@link #scenarios()}, but with holidays spread over more than a year after the start. */
    @Provide
    Arbitrary<Scenario> longScenarios() {
        Arbitrary<Integer> fraction = Arbitraries.integers().between(0, FRACTION);
        Arbitrary<Set<Integer>> holidayOffsets = Arbitraries.integers().between(-5, 400).set().ofMaxSize(30);
        return Arbitraries.of(ZONES).flatMap(zone -> Combinators
                .combine(weeklyHours(), starts(zone), holidayOffsets, fraction, fraction)
                .as((hours, start, offsets, f1, f2) -> {
                    LocalDate day = LocalDate.ofInstant(start, zone);
                    Set<LocalDate> holidays = offsets.stream().map(day::plusDays)
                            .collect(Collectors.toCollection(TreeSet::new));
                    return new Scenario(zone, hours, holidays, start, f1, f2);
                }));
    }

    static Arbitrary<List<WeeklyInterval>> weeklyHours() {
        List<Arbitrary<List<WeeklyInterval>>> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(dayHours(day));
        }
        return Combinators.combine(days).as(lists -> lists.stream().flatMap(List::stream).toList())
                .filter(hours -> !hours.isEmpty());
    }

    /** Cuts the day at a few points and keeps some of the pieces: split shifts, touching intervals, 00:00, 24:00. */
    private static Arbitrary<List<WeeklyInterval>> dayHours(DayOfWeek day) {
        Arbitrary<Integer> point = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 48).map(i -> i * 30)),
                // midnight, and local times of the 2026/2027 transitions in the tested zones
                Tuple.of(3, Arbitraries.of(0, 1440, 60, 90, 120, 150, 165, 180, 210, 225)),
                Tuple.of(1, Arbitraries.integers().between(0, 1440)));
        return Combinators.combine(point.list().ofMaxSize(6), Arbitraries.integers().between(0, 63))
                .as((points, keep) -> {
                    int[] cuts = points.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
                    List<WeeklyInterval> hours = new ArrayList<>();
                    for (int i = 0; i + 1 < cuts.length; i++) {
                        if ((keep >> i & 1) == 1) {
                            hours.add(new WeeklyInterval(day, cuts[i], cuts[i + 1]));
                        }
                    }
                    return hours;
                });
    }

    static Arbitrary<Instant> starts(ZoneId zone) {
        Arbitrary<Instant> anywhere = Arbitraries.longs()
                .between(FROM_2026.getEpochSecond(), UNTIL_2028.getEpochSecond()).map(Instant::ofEpochSecond);
        List<Instant> transitions = transitions(zone);
        if (transitions.isEmpty()) {
            return anywhere;
        }
        Arbitrary<Long> offset = Arbitraries.oneOf(
                Arbitraries.longs().between(-4 * DAY, 4 * DAY),
                Arbitraries.longs().between(-4 * 96, 4 * 96).map(quarters -> quarters * 900));
        Arbitrary<Instant> nearTransition = Combinators.combine(Arbitraries.of(transitions), offset)
                .as(Instant::plusSeconds);
        return Arbitraries.frequencyOf(Tuple.of(3, nearTransition), Tuple.of(1, anywhere));
    }

    private static List<Instant> transitions(ZoneId zone) {
        List<Instant> result = new ArrayList<>();
        ZoneOffsetTransition t = zone.getRules().nextTransition(FROM_2026);
        while (t != null && t.getInstant().isBefore(UNTIL_2028)) {
            result.add(t.getInstant());
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return result;
    }

    /** The calendar's deadline, or empty if it has no business time within its horizon. */
    private static Optional<Instant> due(BusinessCalendar calendar, Instant start, Duration duration) {
        try {
            return Optional.of(calendar.due(start, duration));
        } catch (NoBusinessTimeException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 1000)
    void dueMatchesNaiveModel(@ForAll("scenarios") Scenario s) {
        Duration duration = s.duration(s.f1());
        NaiveCalendar naive = s.naive();
        Optional<Instant> expected = naive.due(s.start(), duration);
        Optional<Instant> actual = due(s.calendar(), s.start(), duration);
        if (expected.isPresent()) {
            assertEquals(expected, actual, () -> "due of " + duration);
        } else {
            assertTrue(actual.isEmpty() || !actual.get().isBefore(naive.windowEnd()), "due " + actual);
        }
    }

    @Property(tries = 1000)
    void businessTimeMatchesNaiveModel(@ForAll("scenarios") Scenario s) {
        Instant to = s.start().plusSeconds(20 * DAY * s.f2() / FRACTION);
        assertEquals(s.naive().businessTime(s.start(), to), s.calendar().businessTime(s.start(), to));
    }

    @Property(tries = 1000)
    void businessTimeUntilDueIsTheDurationAndDueIsTheEarliest(@ForAll("scenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        Duration duration = s.duration(s.f1());
        Optional<Instant> due = due(calendar, s.start(), duration);
        Assume.that(due.isPresent());
        assertEquals(duration, calendar.businessTime(s.start(), due.get()));
        assertTrue(calendar.businessTime(s.start(), due.get().minusSeconds(1)).compareTo(duration) < 0);
    }

    @Property(tries = 1000)
    void isOpenAndNextChangeMatchNaiveModel(@ForAll("scenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        NaiveCalendar naive = s.naive();
        for (Instant at : List.of(s.start(), Instant.ofEpochSecond(s.start().getEpochSecond() / 60 * 60))) {
            assertEquals(naive.isOpen(at), calendar.isOpen(at), () -> "isOpen " + at);
            Optional<Instant> expected = naive.nextChange(at);
            Optional<Instant> actual = calendar.nextChange(at);
            if (expected.isPresent()) {
                assertEquals(expected, actual, () -> "nextChange " + at);
                assertEquals(!naive.isOpen(at), calendar.isOpen(actual.get()));
            } else {
                assertTrue(actual.isEmpty() || !actual.get().isBefore(naive.windowEnd()), "nextChange " + actual);
            }
        }
    }

    @Property(tries = 1000)
    void dueIsStrictlyMonotoneInTheDuration(@ForAll("scenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        Duration a = s.duration(Math.min(s.f1(), s.f2()));
        Duration b = s.duration(Math.max(s.f1(), s.f2()));
        Optional<Instant> first = due(calendar, s.start(), a);
        Optional<Instant> second = due(calendar, s.start(), b);
        Assume.that(first.isPresent() && second.isPresent());
        int order = a.compareTo(b);
        assertEquals(Integer.signum(order), Integer.signum(first.get().compareTo(second.get())));
        if (order <= 0) {
            assertEquals(b.minus(a), calendar.businessTime(first.get(), second.get()));
        }
    }

    /**
     * Long durations take the week-skipping path; chaining deadlines of at most one weekly total each does not, and
     * {@code due} is additive: {@code due(s, a + b) == due(due(s, a), b)}.
     */
    @Property(tries = 300)
    void longDeadlinesEqualChainedShortOnes(@ForAll("longScenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        long weekly = calendar.weeklyBusinessTime().getSeconds();
        long total = Math.min(BusinessCalendar.MAX_DURATION.getSeconds(), 1 + 40 * weekly * s.f1() / FRACTION);
        Optional<Instant> chained = Optional.of(s.start());
        for (long left = total; left > 0 && chained.isPresent(); left -= weekly) {
            chained = due(calendar, chained.get(), Duration.ofSeconds(Math.min(left, weekly)));
        }
        assertEquals(chained, due(calendar, s.start(), Duration.ofSeconds(total)));
    }

    /** Long ranges take the week-skipping path; ranges of 10 days do not. */
    @Property(tries = 300)
    void businessTimeOfLongRangesEqualsSumOfShortOnes(@ForAll("longScenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        Instant to = s.start().plusSeconds(800 * DAY * s.f2() / FRACTION);
        Duration sum = Duration.ZERO;
        for (Instant from = s.start(); from.isBefore(to); from = from.plusSeconds(10 * DAY)) {
            Instant until = from.plusSeconds(10 * DAY);
            sum = sum.plus(calendar.businessTime(from, until.isBefore(to) ? until : to));
        }
        assertEquals(sum, calendar.businessTime(s.start(), to));
    }
}
