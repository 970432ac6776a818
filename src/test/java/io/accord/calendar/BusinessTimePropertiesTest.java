package io.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares composed business time (a team calendar, an owner's own hours in another zone, both, each minus holds or
 * absences) with the brute-force {@link MinuteModel} that decides every minute from the plain definitions, on
 * generated calendars whose starts cluster around the DST changes of 2026 and 2027.
 */
class BusinessTimePropertiesTest {

    private static final long DAY = 86_400;

    /** Two calendars (team, owner) in possibly different zones, closed ranges (pauses), a start and a length. */
    record Scenario(ZoneId teamZone, List<WeeklyInterval> team, ZoneId ownerZone, List<WeeklyInterval> owner,
            List<TimeRange> closed, Instant start, int fraction) {

        BusinessCalendar teamCalendar() {
            return new BusinessCalendar(teamZone, team, Set.of());
        }

        BusinessCalendar ownerCalendar() {
            return new BusinessCalendar(ownerZone, owner, Set.of());
        }

        Instant windowFrom() {
            return start.minusSeconds(DAY);
        }

        Instant windowTo() {
            return start.plusSeconds(16 * DAY);
        }

        /** Up to 40 hours, whole minutes for a third of the cases. */
        Duration duration() {
            long seconds = 1 + (40L * 3600 - 1) * fraction / 1_000_000;
            return Duration.ofSeconds(fraction % 3 == 0 ? Math.max(60, seconds / 60 * 60) : seconds);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ZoneId> zones = Arbitraries.of(BusinessCalendarPropertiesTest.ZONES);
        return zones.flatMap(teamZone -> Combinators.combine(BusinessCalendarPropertiesTest.weeklyHours(), zones,
                BusinessCalendarPropertiesTest.weeklyHours(), BusinessCalendarPropertiesTest.starts(teamZone),
                Arbitraries.integers().between(0, 1_000_000), pauseSpecs())
                .as((team, ownerZone, owner, start, fraction, pauses) -> new Scenario(teamZone, team, ownerZone,
                        owner, ranges(start, pauses), start, fraction)));
    }

    /** Up to five ranges as (offset from start, length) in quarter hours: before, around and after the start. */
    private static Arbitrary<List<long[]>> pauseSpecs() {
        Arbitrary<long[]> one = Combinators.combine(Arbitraries.longs().between(-96, 4 * 96),
                Arbitraries.longs().between(1, 3 * 96)).as((offset, length) -> new long[] {offset, length});
        return one.list().ofMaxSize(5);
    }

    private static List<TimeRange> ranges(Instant start, List<long[]> specs) {
        long minute = Math.floorDiv(start.getEpochSecond(), 60) * 60;
        List<TimeRange> ranges = new ArrayList<>();
        for (long[] spec : specs) {
            Instant from = Instant.ofEpochSecond(minute + spec[0] * 900);
            ranges.add(new TimeRange(from, from.plusSeconds(spec[1] * 900)));
        }
        return ranges;
    }

    private static boolean closed(List<TimeRange> ranges, Instant at) {
        return ranges.stream().anyMatch(r -> r.contains(at));
    }

    private static Optional<Instant> due(BusinessTime time, Instant start, Duration duration) {
        try {
            return Optional.of(time.due(start, duration));
        } catch (NoBusinessTimeException e) {
            return Optional.empty();
        }
    }

    private static void assertMatches(MinuteModel model, BusinessTime time, Scenario s) {
        Duration duration = s.duration();
        Optional<Instant> expected = model.due(s.start(), duration);
        Optional<Instant> actual = due(time, s.start(), duration);
        if (expected.isPresent()) {
            assertEquals(expected, actual, () -> "due of " + duration + " in " + s);
            assertEquals(duration, time.businessTime(s.start(), actual.get()));
        } else {
            assertTrue(actual.isEmpty() || !actual.get().isBefore(model.windowEnd()), () -> "due " + actual);
        }
        Instant to = s.start().plusSeconds(14 * DAY * s.fraction() / 1_000_000);
        assertEquals(model.businessTime(s.start(), to), time.businessTime(s.start(), to), () -> "business time " + s);
        Instant minute = Instant.ofEpochSecond(Math.floorDiv(s.start().getEpochSecond(), 60) * 60);
        for (Instant at : List.of(s.start(), minute)) {
            assertEquals(model.isOpen(at), time.isOpen(at), () -> "isOpen " + at + " in " + s);
            Optional<Instant> change = model.nextChange(at);
            if (change.isPresent()) {
                assertEquals(change, time.nextChange(at), () -> "nextChange " + at + " in " + s);
            }
        }
    }

    @Property(tries = 200)
    void bothMatchesTheMinuteModel(@ForAll("scenarios") Scenario s) {
        BusinessCalendar team = s.teamCalendar();
        BusinessCalendar owner = s.ownerCalendar();
        MinuteModel model = new MinuteModel(s.windowFrom(), s.windowTo(), at -> team.isOpen(at) && owner.isOpen(at));
        assertMatches(model, BusinessTime.both(team, owner), s);
    }

    @Property(tries = 200)
    void pausedMatchesTheMinuteModel(@ForAll("scenarios") Scenario s) {
        BusinessCalendar team = s.teamCalendar();
        MinuteModel model = new MinuteModel(s.windowFrom(), s.windowTo(),
                at -> team.isOpen(at) && !closed(s.closed(), at));
        assertMatches(model, team.minus(s.closed()), s);
    }

    @Property(tries = 200)
    void bothPausedMatchesTheMinuteModel(@ForAll("scenarios") Scenario s) {
        BusinessCalendar team = s.teamCalendar();
        BusinessCalendar owner = s.ownerCalendar();
        MinuteModel model = new MinuteModel(s.windowFrom(), s.windowTo(),
                at -> team.isOpen(at) && owner.isOpen(at) && !closed(s.closed(), at));
        assertMatches(model, BusinessTime.both(team, owner).minus(s.closed()), s);
    }

    @Property(tries = 200)
    void aCalendarAnswersAsItsOwnSpans(@ForAll("scenarios") Scenario s) {
        BusinessCalendar team = s.teamCalendar();
        BusinessTime spans = team::nextSpan; // the derived answers over the calendar's own spans
        Duration duration = s.duration();
        assertEquals(due(team, s.start(), duration), due(spans, s.start(), duration));
        Instant to = s.start().plusSeconds(14 * DAY * s.fraction() / 1_000_000);
        assertEquals(team.businessTime(s.start(), to), spans.businessTime(s.start(), to));
    }

    @Example
    void aHoldOverAWeekendAndTheSpringChangeMovesTheDeadlineByThePausedBusinessTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<WeeklyInterval> weekdays = new ArrayList<>();
        for (java.time.DayOfWeek d : List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
                java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyInterval(d, 9 * 60, 17 * 60));
        }
        BusinessCalendar team = new BusinessCalendar(berlin, weekdays, Set.of(LocalDate.parse("2026-04-03")));
        // Started Thursday 2026-03-26 16:00 local; 4 business hours. Held Friday 10:00 until Monday 11:00 (DST on Sunday).
        Instant start = Instant.parse("2026-03-26T15:00:00Z");
        TimeRange hold = new TimeRange(Instant.parse("2026-03-27T09:00:00Z"), Instant.parse("2026-03-30T09:00:00Z"));
        // Thursday 16-17 (1 h), Friday 09-10 (1 h), held until Monday 11:00 CEST, then 2 h: Monday 13:00 CEST.
        assertEquals(Instant.parse("2026-03-30T11:00:00Z"), team.minus(List.of(hold)).due(start, Duration.ofHours(4)));
        // Without the hold: Thursday 16-17 and Friday 09-12 CET.
        assertEquals(Instant.parse("2026-03-27T11:00:00Z"), team.due(start, Duration.ofHours(4)));
        assertFalse(team.minus(List.of(hold)).isOpen(Instant.parse("2026-03-27T10:00:00Z")));
    }
}
