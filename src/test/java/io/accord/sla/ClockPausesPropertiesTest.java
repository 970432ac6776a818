package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.BusinessCalendarPropertiesTest;
import io.accord.calendar.MinuteModel;
import io.accord.calendar.TimeRange;
import io.accord.calendar.WeeklyInterval;
import java.math.BigDecimal;
import java.time.DayOfWeek;
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
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A clock's pause bookkeeping ({@link ClockPauses}) against the brute-force {@link MinuteModel}: the deadlines after
 * a resume are those of a minute-by-minute walk over the calendar with the paused minutes closed, and the paused
 * business time is the calendar's business time inside the pauses, on generated calendars whose starts cluster
 * around DST changes.
 */
class ClockPausesPropertiesTest {

    private static final long DAY = 86_400;

    /** One pause as generated: quarter hours after the previous one's end (or the start), its length, how it ends. */
    record PauseSpec(long gap, long length, int ending) {
    }

    record Scenario(ZoneId zone, List<WeeklyInterval> hours, Instant start, MilestoneTarget target,
            List<ClockPauses.Pause> pauses, Instant at) {

        BusinessCalendar calendar() {
            return new BusinessCalendar(zone, hours, Set.of());
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ZoneId> zones = Arbitraries.of(BusinessCalendarPropertiesTest.ZONES);
        Arbitrary<PauseSpec> pause = Combinators.combine(Arbitraries.longs().between(0, 2 * 96),
                Arbitraries.longs().between(1, 3 * 96), Arbitraries.integers().between(0, 2)).as(PauseSpec::new);
        Arbitrary<MilestoneTarget> targets = Combinators.combine(Arbitraries.longs().between(60, 40 * 3600),
                Arbitraries.of(null, "0.5", "0.75", "0.9"), Arbitraries.of(0L, 1800L, 4 * 3600L))
                .as((seconds, warn, escalate) -> new MilestoneTarget(Milestone.FIRST_TOUCH, Duration.ofSeconds(seconds),
                        warn == null ? null : new BigDecimal(warn), escalate == 0 ? null : Duration.ofSeconds(escalate),
                        null));
        return zones.flatMap(zone -> Combinators.combine(BusinessCalendarPropertiesTest.weeklyHours(),
                BusinessCalendarPropertiesTest.starts(zone), targets, pause.list().ofMaxSize(4),
                Arbitraries.longs().between(-4, 3 * 96))
                .as((hours, start, target, specs, atOffset) -> scenario(zone, hours, start, target, specs, atOffset)));
    }

    /**
     * Pauses one after the other from the start; every one but the last has ended, the last is ended, open, or open
     * with an {@code until} (ending 0, 1, 2). The clock is looked at {@code atOffset} quarter hours after the last
     * pause begins (a negative offset: a touch logged back-dated, before the pause).
     */
    private static Scenario scenario(ZoneId zone, List<WeeklyInterval> hours, Instant start, MilestoneTarget target,
            List<PauseSpec> specs, long atOffset) {
        long minute = Math.floorDiv(start.getEpochSecond(), 60) * 60;
        Instant pos = Instant.ofEpochSecond(minute + 60);
        List<ClockPauses.Pause> pauses = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PauseSpec s = specs.get(i);
            Instant from = pos.plusSeconds(s.gap() * 900);
            Instant end = from.plusSeconds(s.length() * 900);
            boolean last = i == specs.size() - 1;
            if (!last || s.ending() == 0) {
                pauses.add(new ClockPauses.Pause(from, end, null, "r" + i));
            } else {
                pauses.add(new ClockPauses.Pause(from, null, s.ending() == 2 ? end : null, "r" + i));
            }
            pos = end;
        }
        Instant base = pauses.isEmpty() ? pos : pauses.get(pauses.size() - 1).from();
        Instant at = base.plusSeconds(atOffset * 900);
        return new Scenario(zone, hours, start, target, pauses, at.isAfter(start) ? at : pos);
    }

    /** The plain definition: each pause ends at its end, else at its until when that came first, else at {@code at}. */
    private static List<TimeRange> oracleRanges(List<ClockPauses.Pause> pauses, Instant at) {
        List<TimeRange> ranges = new ArrayList<>();
        for (ClockPauses.Pause p : pauses) {
            Instant end = p.to() != null ? p.to() : p.until() != null && p.until().isBefore(at) ? p.until() : at;
            if (end.isAfter(at)) {
                end = at;
            }
            if (end.isAfter(p.from())) {
                ranges.add(new TimeRange(p.from(), end));
            }
        }
        return ranges;
    }

    @Property(tries = 250)
    void deadlinesAfterResumeMatchTheMinuteModel(@ForAll("scenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        List<TimeRange> closed = oracleRanges(s.pauses(), s.at());
        MinuteModel model = new MinuteModel(s.start().minusSeconds(DAY), s.start().plusSeconds(70 * DAY),
                t -> calendar.isOpen(t) && closed.stream().noneMatch(r -> r.contains(t)));
        MilestoneTarget t = s.target();
        Optional<Instant> due = model.due(s.start(), t.target());
        Assume.that(due.isPresent());
        Optional<Instant> escalate = t.escalateAfter() == null ? Optional.empty()
                : model.due(due.get(), t.escalateAfter());
        Assume.that(t.escalateAfter() == null || escalate.isPresent());

        ClockPauses.Resumption r = ClockPauses.resume(calendar, t, s.start(), s.pauses(), s.at());

        assertEquals(due.get(), r.deadlines().dueAt(), () -> "due in " + s);
        assertEquals(t.warnAt() == null ? null : model.due(s.start(), t.warnOffset()).orElseThrow(),
                r.deadlines().warnAt(), () -> "warn in " + s);
        assertEquals(escalate.orElse(null), r.deadlines().escalateAt(), () -> "escalate in " + s);
        assertEquals(closed.size(), r.pauses());
        MinuteModel open = new MinuteModel(s.start().minusSeconds(DAY), s.start().plusSeconds(70 * DAY),
                calendar::isOpen);
        Duration paused = closed.stream().map(c -> open.businessTime(c.from(), c.to())).reduce(Duration.ZERO,
                Duration::plus);
        assertEquals(paused, r.pausedBusiness(), () -> "paused business time in " + s);
        assertEquals(closed.stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus), r.pausedWall());
    }

    @Property(tries = 100)
    void pausesNeverBringADeadlineForward(@ForAll("scenarios") Scenario s) {
        BusinessCalendar calendar = s.calendar();
        MinuteModel model = new MinuteModel(s.start().minusSeconds(DAY), s.start().plusSeconds(70 * DAY),
                calendar::isOpen);
        Assume.that(model.due(s.start(), s.target().target()).isPresent());
        ClockPauses.Resumption r = ClockPauses.resume(calendar, s.target(), s.start(), s.pauses(), s.at());
        Instant unpaused = calendar.due(s.start(), s.target().target());
        assertTrue(!r.deadlines().dueAt().isBefore(unpaused));
        // The deadline moves by exactly the paused business time that lies before it.
        assertEquals(s.target().target(), calendar.businessTime(s.start(), r.deadlines().dueAt())
                .minus(pausedBefore(calendar, oracleRanges(s.pauses(), s.at()), r.deadlines().dueAt())));
    }

    private static Duration pausedBefore(BusinessCalendar calendar, List<TimeRange> ranges, Instant end) {
        Duration total = Duration.ZERO;
        for (TimeRange r : ranges) {
            if (r.from().isBefore(end)) {
                total = total.plus(calendar.businessTime(r.from(), r.to().isBefore(end) ? r.to() : end));
            }
        }
        return total;
    }

    @Example
    void aPauseOverAWeekendAndTheSpringChangeEndsWhereTheMinuteModelSays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<WeeklyInterval> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyInterval(d, 9 * 60, 17 * 60));
        }
        BusinessCalendar team = new BusinessCalendar(berlin, weekdays, Set.of(LocalDate.parse("2026-04-03")));
        MilestoneTarget fourHours = new MilestoneTarget(Milestone.FIRST_TOUCH, Duration.ofHours(4),
                new BigDecimal("0.75"), Duration.ofHours(2), null);
        // Started Thursday 2026-03-26 16:00 CET; held Friday 10:00 CET until Monday 11:00 CEST (DST on Sunday).
        Instant start = Instant.parse("2026-03-26T15:00:00Z");
        ClockPauses.Pause hold = new ClockPauses.Pause(Instant.parse("2026-03-27T09:00:00Z"), null,
                Instant.parse("2026-03-30T09:00:00Z"), "legal review");
        ClockPauses.Resumption r = ClockPauses.resume(team, fourHours, start, List.of(hold),
                Instant.parse("2026-03-30T12:00:00Z"));
        // Thursday 16-17 (1 h), Friday 09-10 (1 h), then from Monday 11:00 CEST 2 h: Monday 13:00 CEST.
        assertEquals(Instant.parse("2026-03-30T11:00:00Z"), r.deadlines().dueAt());
        // Warning at 3 h: Monday 12:00 CEST; escalation 2 h after the due date: Monday 15:00 CEST.
        assertEquals(Instant.parse("2026-03-30T10:00:00Z"), r.deadlines().warnAt());
        assertEquals(Instant.parse("2026-03-30T13:00:00Z"), r.deadlines().escalateAt());
        // The hold took Friday 10-17 CET and Monday 09-11 CEST of business time: 9 hours; 72 wall hours.
        assertEquals(Duration.ofHours(9), r.pausedBusiness());
        assertEquals(Duration.ofHours(72), r.pausedWall());
        assertEquals(1, r.pauses());
    }

    @Example
    void anOpenPauseEndsAtItsUntilOrWhenLookedAtAndNothingCountsAfterTheClockEnds() {
        Instant t0 = Instant.parse("2026-05-04T08:00:00Z");
        ClockPauses.Pause ended = new ClockPauses.Pause(t0, t0.plusSeconds(3600), null, "a");
        ClockPauses.Pause untilPassed = new ClockPauses.Pause(t0.plusSeconds(7200), null, t0.plusSeconds(9000), "b");
        ClockPauses.Pause later = new ClockPauses.Pause(t0.plusSeconds(20_000), null, null, "c");
        assertEquals(List.of(new TimeRange(t0, t0.plusSeconds(3600)),
                new TimeRange(t0.plusSeconds(7200), t0.plusSeconds(9000))),
                ClockPauses.ranges(List.of(later, ended, untilPassed), t0.plusSeconds(20_000)));
        // Looked at during the second pause, before its until: it ends there.
        assertEquals(List.of(new TimeRange(t0, t0.plusSeconds(3600)),
                new TimeRange(t0.plusSeconds(7200), t0.plusSeconds(8000))),
                ClockPauses.ranges(List.of(ended, untilPassed), t0.plusSeconds(8000)));
        // A clock met in the middle of an ended pause counts it up to then only.
        assertEquals(List.of(new TimeRange(t0, t0.plusSeconds(1800))),
                ClockPauses.ranges(List.of(ended, untilPassed), t0.plusSeconds(1800)));
        assertEquals(Duration.ofSeconds(3600 + 1800), ClockPauses.pausedWallTime(List.of(
                new TimeRange(t0, t0.plusSeconds(3600)), new TimeRange(t0.plusSeconds(1800), t0.plusSeconds(5400)))));
    }
}
