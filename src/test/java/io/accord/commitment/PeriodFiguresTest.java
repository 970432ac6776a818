package io.accord.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.WeeklyInterval;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodFiguresTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday, 09:00–17:00 Berlin: 40 business hours a week. */
    static BusinessCalendar officeHours(Set<LocalDate> holidays) {
        List<WeeklyInterval> hours = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(WeeklyInterval.of(d, "09:00", "17:00"));
        }
        return new BusinessCalendar(BERLIN, hours, holidays);
    }

    private static final CommitmentPeriod WEEK_47 =
            CommitmentPeriod.starting(PeriodKind.WEEK, LocalDate.of(2026, 11, 16), BERLIN);

    @Test
    void attainmentIsAPercentageWithOneDecimalRoundedHalfUp() {
        PeriodProgress closed = new PeriodProgress(Duration.ofHours(40), Duration.ofHours(40), true);
        assertEquals(new BigDecimal("80.8"), PeriodFigures.of(120, 97, closed).attainment()); // 80.833…
        assertEquals(new BigDecimal("100.0"), PeriodFigures.of(120, 120, closed).attainment());
        assertEquals(new BigDecimal("0.1"), PeriodFigures.of(2000, 1, closed).attainment()); // 0.05 → 0.1
        assertEquals(new BigDecimal("125.0"), PeriodFigures.of(8, 10, closed).attainment());
    }

    @Test
    void paceIsCountedInBusinessHours() {
        // Wednesday 12:00 Berlin: Monday 8 h + Tuesday 8 h + Wednesday 09:00–12:00 3 h = 19 of 40 business hours.
        Instant wednesdayNoon = Instant.parse("2026-11-18T11:00:00Z");
        PeriodProgress progress = PeriodProgress.of(officeHours(Set.of()), WEEK_47, wednesdayNoon);
        assertEquals(Duration.ofHours(19), progress.elapsed());
        assertEquals(Duration.ofHours(40), progress.total());
        // 57 × 40 ÷ 19 = 120 exactly: on pace.
        PeriodFigures onPace = PeriodFigures.of(120, 57, progress);
        assertEquals(120, onPace.projected());
        assertFalse(onPace.atRisk());
        assertEquals(PeriodFigures.Status.OPEN, onPace.status());
        // 56 × 40 ÷ 19 = 117.89…, rounded down to 117: at risk.
        PeriodFigures behind = PeriodFigures.of(120, 56, progress);
        assertEquals(117, behind.projected());
        assertTrue(behind.atRisk());
    }

    @Test
    void aHolidayShortensThePeriodsBusinessTime() {
        // Friday 2026-11-20 off: 32 business hours; by Thursday 09:00 Berlin, Monday to Wednesday = 24 h have passed.
        BusinessCalendar calendar = officeHours(Set.of(LocalDate.of(2026, 11, 20)));
        PeriodProgress progress = PeriodProgress.of(calendar, WEEK_47, Instant.parse("2026-11-19T08:00:00Z"));
        assertEquals(Duration.ofHours(24), progress.elapsed());
        assertEquals(Duration.ofHours(32), progress.total());
        assertEquals(120, PeriodFigures.of(120, 90, progress).projected()); // 90 × 32 ÷ 24
    }

    @Test
    void outsideBusinessHoursThePaceStandsStill() {
        BusinessCalendar calendar = officeHours(Set.of());
        PeriodProgress fridayEvening = PeriodProgress.of(calendar, WEEK_47, Instant.parse("2026-11-20T20:00:00Z"));
        PeriodProgress sunday = PeriodProgress.of(calendar, WEEK_47, Instant.parse("2026-11-22T20:00:00Z"));
        assertEquals(Duration.ofHours(40), fridayEvening.elapsed());
        assertEquals(fridayEvening, sunday);
        assertEquals(100, PeriodFigures.of(120, 100, sunday).projected());
        assertTrue(PeriodFigures.of(120, 100, sunday).atRisk(), "all business time is used up and it is short");
    }

    @Test
    void notAtRiskBeforeAQuarterOfTheBusinessTime() {
        BusinessCalendar calendar = officeHours(Set.of());
        // Monday 17:00 Berlin: 8 of 40 hours (20 %), nothing delivered yet.
        PeriodProgress early = PeriodProgress.of(calendar, WEEK_47, Instant.parse("2026-11-16T16:00:00Z"));
        assertFalse(early.quarterReached());
        assertFalse(PeriodFigures.of(120, 0, early).atRisk());
        // Tuesday 11:00 Berlin: exactly 10 of 40 hours: a quarter.
        PeriodProgress quarter = PeriodProgress.of(calendar, WEEK_47, Instant.parse("2026-11-17T10:00:00Z"));
        assertEquals(Duration.ofHours(10), quarter.elapsed());
        assertTrue(quarter.quarterReached());
        assertTrue(PeriodFigures.of(120, 29, quarter).atRisk()); // 29 × 4 = 116
        assertFalse(PeriodFigures.of(120, 30, quarter).atRisk()); // 30 × 4 = 120
        assertEquals(Instant.parse("2026-11-17T10:00:00Z"), PeriodProgress.quarterPoint(calendar, WEEK_47));
    }

    @Test
    void beforeAnyBusinessTimeTheProjectionIsTheActualCount() {
        PeriodProgress mondayMorning = PeriodProgress.of(officeHours(Set.of()), WEEK_47,
                Instant.parse("2026-11-16T06:00:00Z"));
        assertEquals(Duration.ZERO, mondayMorning.elapsed());
        assertEquals(3, PeriodFigures.of(120, 3, mondayMorning).projected());
    }

    @Test
    void aClosedPeriodIsMetOrMissedAndItsProjectionIsTheActualCount() {
        BusinessCalendar calendar = officeHours(Set.of());
        PeriodProgress closed = PeriodProgress.of(calendar, WEEK_47, WEEK_47.end());
        assertTrue(closed.closed());
        PeriodFigures met = PeriodFigures.of(120, 120, closed);
        assertEquals(PeriodFigures.Status.MET, met.status());
        assertEquals(120, met.projected());
        assertFalse(met.atRisk());
        PeriodFigures missed = PeriodFigures.of(120, 119, closed);
        assertEquals(PeriodFigures.Status.MISSED, missed.status());
        assertFalse(missed.atRisk(), "a closed period is missed, not at risk");
    }

    @Test
    void aPeriodWithoutBusinessTimeIsPacedByTheWallClock() {
        BusinessCalendar none = new BusinessCalendar(BERLIN, List.of(), Set.of());
        PeriodProgress half = PeriodProgress.of(none, WEEK_47, WEEK_47.start().plus(Duration.ofHours(84)));
        assertEquals(Duration.ofHours(84), half.elapsed());
        assertEquals(Duration.ofHours(168), half.total());
        assertEquals(20, PeriodFigures.of(120, 10, half).projected());
        assertEquals(WEEK_47.start().plus(Duration.ofHours(42)), PeriodProgress.quarterPoint(none, WEEK_47));
    }

    @Test
    void checksFindMetMissedAndAtRiskAndScheduleTheNextOne() {
        BusinessCalendar calendar = officeHours(Set.of());
        CommitmentPeriod week46 = CommitmentPeriod.starting(PeriodKind.WEEK, LocalDate.of(2026, 11, 9), BERLIN);
        Instant now = Instant.parse("2026-11-17T12:00:00Z"); // Tuesday 13:00 Berlin: 12 of 40 hours
        CommitmentCheck.Evaluated closed = new CommitmentCheck.Evaluated(week46,
                PeriodFigures.of(120, 121, PeriodProgress.of(calendar, week46, now)));
        CommitmentCheck.Evaluated open = new CommitmentCheck.Evaluated(WEEK_47,
                PeriodFigures.of(120, 30, PeriodProgress.of(calendar, WEEK_47, now)));
        List<CommitmentCheck.Finding> findings = CommitmentCheck.findings(List.of(closed), open);
        assertEquals(List.of("commitment.met", "commitment.at_risk"), findings.stream().map(CommitmentCheck.Finding::kind).toList());
        assertEquals(100, findings.get(1).evaluated().figures().projected()); // 30 × 40 ÷ 12

        Instant quarter = PeriodProgress.quarterPoint(calendar, WEEK_47);
        Duration fifteen = Duration.ofMinutes(15);
        assertEquals(now.plus(fifteen), CommitmentCheck.nextCheck(now, WEEK_47, quarter, fifteen));
        Instant justBeforeQuarter = quarter.minusSeconds(60);
        assertEquals(quarter, CommitmentCheck.nextCheck(justBeforeQuarter, WEEK_47, quarter, fifteen));
        Instant justBeforeEnd = WEEK_47.end().minusSeconds(60);
        assertEquals(WEEK_47.end(), CommitmentCheck.nextCheck(justBeforeEnd, WEEK_47, quarter, fifteen));
        assertEquals("commitment:42:2026-11-16", CommitmentCheck.subject(42, WEEK_47));
    }
}
