package io.accord.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void weekSpanningTheSpringForwardIsOneHourShort() {
        // DST starts in Berlin on Sunday 2026-03-29 at 02:00 (CET +1 → CEST +2).
        CommitmentPeriod week = CommitmentPeriod.starting(PeriodKind.WEEK, LocalDate.of(2026, 3, 23), BERLIN);
        assertEquals(Instant.parse("2026-03-22T23:00:00Z"), week.start());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), week.end());
        assertEquals(Duration.ofHours(167), Duration.between(week.start(), week.end()));
        assertEquals(LocalDate.of(2026, 3, 30), week.endDate());
    }

    @Test
    void monthSpanningTheFallBackIsOneHourLong() {
        CommitmentPeriod october = CommitmentPeriod.starting(PeriodKind.MONTH, LocalDate.of(2026, 10, 1), BERLIN);
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), october.start());
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), october.end());
        assertEquals(Duration.ofHours(31 * 24 + 1), Duration.between(october.start(), october.end()));
    }

    @Test
    void quartersStartInJanuaryAprilJulyAndOctober() {
        CommitmentPeriod q = CommitmentPeriod.containing(PeriodKind.QUARTER, Instant.parse("2026-11-22T09:30:00Z"), NEW_YORK);
        assertEquals(LocalDate.of(2026, 10, 1), q.startDate());
        assertEquals(LocalDate.of(2027, 1, 1), q.endDate());
        assertEquals(Instant.parse("2026-10-01T04:00:00Z"), q.start());
        assertEquals(Instant.parse("2027-01-01T05:00:00Z"), q.end());
        assertTrue(PeriodKind.QUARTER.isStart(LocalDate.of(2026, 4, 1)));
        assertFalse(PeriodKind.QUARTER.isStart(LocalDate.of(2026, 5, 1)));
    }

    @Test
    void theZoneDecidesWhichPeriodAnInstantFallsIn() {
        // Sunday 23:30 in New York is already Monday in Berlin.
        Instant at = Instant.parse("2026-11-23T04:30:00Z");
        assertEquals(LocalDate.of(2026, 11, 16), CommitmentPeriod.containing(PeriodKind.WEEK, at, NEW_YORK).startDate());
        assertEquals(LocalDate.of(2026, 11, 23), CommitmentPeriod.containing(PeriodKind.WEEK, at, BERLIN).startDate());
    }

    @Test
    void periodEndIsExclusive() {
        CommitmentPeriod week = CommitmentPeriod.starting(PeriodKind.WEEK, LocalDate.of(2026, 11, 16), BERLIN);
        assertTrue(week.contains(week.start()));
        assertFalse(week.contains(week.end()));
        assertFalse(week.closedAt(week.end().minusNanos(1)));
        assertTrue(week.closedAt(week.end()));
    }

    @Test
    void refusesADateThatIsNotAPeriodStart() {
        assertThrows(IllegalArgumentException.class,
                () -> CommitmentPeriod.starting(PeriodKind.WEEK, LocalDate.of(2026, 11, 17), BERLIN));
    }

    @Test
    void listsBegunPeriodsNewestFirstAndPagesBackwards() {
        Instant now = Instant.parse("2026-11-18T10:00:00Z");
        List<CommitmentPeriod> all = CommitmentPeriod.begunBy(PeriodKind.WEEK, LocalDate.of(2026, 10, 26), BERLIN, now,
                null, 50);
        assertEquals(List.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 10, 26)), all.stream().map(CommitmentPeriod::startDate).toList());
        List<CommitmentPeriod> page = CommitmentPeriod.begunBy(PeriodKind.WEEK, LocalDate.of(2026, 10, 26), BERLIN, now,
                LocalDate.of(2026, 11, 9), 50);
        assertEquals(List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 26)),
                page.stream().map(CommitmentPeriod::startDate).toList());
        assertEquals(2, CommitmentPeriod.begunBy(PeriodKind.WEEK, LocalDate.of(2026, 10, 26), BERLIN, now, null, 2).size());
    }

    @Test
    void aCommitmentThatHasNotStartedHasNoPeriods() {
        assertEquals(List.of(), CommitmentPeriod.begunBy(PeriodKind.MONTH, LocalDate.of(2027, 1, 1), BERLIN,
                Instant.parse("2026-12-31T22:59:59Z"), null, 50));
        assertEquals(1, CommitmentPeriod.begunBy(PeriodKind.MONTH, LocalDate.of(2027, 1, 1), BERLIN,
                Instant.parse("2026-12-31T23:00:00Z"), null, 50).size());
    }

    @Test
    void periodsClosedBetweenTwoChecksAreThoseWhoseEndLiesBetweenThem() {
        LocalDate startsOn = LocalDate.of(2026, 11, 2);
        Instant weekEnd = Instant.parse("2026-11-15T23:00:00Z"); // Monday 2026-11-16 00:00 Berlin
        assertEquals(List.of(), CommitmentPeriod.closedBetween(PeriodKind.WEEK, startsOn, BERLIN,
                weekEnd.minusSeconds(60), weekEnd.minusNanos(1)));
        List<CommitmentPeriod> closed = CommitmentPeriod.closedBetween(PeriodKind.WEEK, startsOn, BERLIN,
                weekEnd.minusSeconds(60), weekEnd);
        assertEquals(List.of(LocalDate.of(2026, 11, 9)), closed.stream().map(CommitmentPeriod::startDate).toList());
        assertEquals(List.of(), CommitmentPeriod.closedBetween(PeriodKind.WEEK, startsOn, BERLIN, weekEnd,
                weekEnd.plusSeconds(3600)));
        // A replica that was down for two weeks catches up on both, oldest first, but not on weeks before startsOn.
        List<CommitmentPeriod> caughtUp = CommitmentPeriod.closedBetween(PeriodKind.WEEK, startsOn, BERLIN,
                Instant.parse("2026-10-20T00:00:00Z"), weekEnd.plusSeconds(10));
        assertEquals(List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9)),
                caughtUp.stream().map(CommitmentPeriod::startDate).toList());
    }
}
