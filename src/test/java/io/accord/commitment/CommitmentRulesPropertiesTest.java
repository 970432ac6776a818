package io.accord.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Period and projection rules over generated zones, instants, counts and progress. */
class CommitmentRulesPropertiesTest {

    private static final List<ZoneId> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "America/Sao_Paulo",
            "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Asia/Beirut")
            .stream().map(ZoneId::of).toList();
    private static final long FROM = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
    private static final long UNTIL = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, UNTIL).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<PeriodKind> kinds() {
        return Arbitraries.of(PeriodKind.class);
    }

    @Property(tries = 2000)
    void theContainingPeriodContainsTheInstantAndStartsAtLocalMidnightOfAPeriodStart(@ForAll("kinds") PeriodKind kind,
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant at) {
        CommitmentPeriod p = CommitmentPeriod.containing(kind, at, zone);
        assertTrue(p.contains(at), p + " contains " + at);
        assertTrue(kind.isStart(p.startDate()));
        assertEquals(p.startDate().atStartOfDay(zone).toInstant(), p.start());
        assertEquals(kind.next(p.startDate()), p.endDate());
        CommitmentPeriod next = CommitmentPeriod.starting(kind, p.endDate(), zone);
        assertEquals(p.end(), next.start(), "periods touch");
        long days = p.endDate().toEpochDay() - p.startDate().toEpochDay();
        switch (kind) {
            case WEEK -> assertEquals(7, days);
            case MONTH -> assertTrue(days >= 28 && days <= 31);
            case QUARTER -> assertTrue(days >= 90 && days <= 92);
        }
    }

    @Property(tries = 1000)
    void checksSplitAnywhereRaiseEveryClosedPeriodExactlyOnce(@ForAll("kinds") PeriodKind kind,
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant a, @ForAll @LongRange(min = 0, max = 40_000_000) long ab,
            @ForAll @LongRange(min = 0, max = 40_000_000) long bc) {
        LocalDate startsOn = kind.startOf(a.atZone(zone).toLocalDate().minusDays(20));
        Instant b = a.plusSeconds(ab);
        Instant c = b.plusSeconds(bc);
        List<CommitmentPeriod> whole = CommitmentPeriod.closedBetween(kind, startsOn, zone, a, c);
        List<CommitmentPeriod> split = new ArrayList<>(CommitmentPeriod.closedBetween(kind, startsOn, zone, a, b));
        split.addAll(CommitmentPeriod.closedBetween(kind, startsOn, zone, b, c));
        assertEquals(whole, split);
        for (CommitmentPeriod p : whole) {
            assertTrue(p.end().isAfter(a) && !p.end().isAfter(c));
            assertTrue(!p.startDate().isBefore(startsOn));
        }
    }

    @Property(tries = 1000)
    void begunPeriodsAreContiguousNewestFirstAndPageWithoutGaps(@ForAll("kinds") PeriodKind kind,
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant now, @ForAll @IntRange(min = 0, max = 400) int back,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        LocalDate startsOn = kind.startOf(now.atZone(zone).toLocalDate().minusDays(back));
        List<CommitmentPeriod> all = CommitmentPeriod.begunBy(kind, startsOn, zone, now, null, 10_000);
        assertTrue(all.get(0).contains(now));
        assertEquals(startsOn, all.get(all.size() - 1).startDate());
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i).end(), all.get(i - 1).start());
        }
        List<CommitmentPeriod> paged = new ArrayList<>();
        LocalDate before = null;
        while (true) {
            List<CommitmentPeriod> page = CommitmentPeriod.begunBy(kind, startsOn, zone, now, before, pageSize);
            paged.addAll(page);
            if (page.size() < pageSize) {
                break;
            }
            before = page.get(page.size() - 1).startDate();
        }
        assertEquals(all, paged);
    }

    @Property(tries = 3000)
    void projectionRules(@ForAll @IntRange(min = 1, max = 5000) int target, @ForAll @IntRange(min = 0, max = 10_000) int actual,
            @ForAll @LongRange(min = 1, max = 10_000_000) long total, @ForAll @LongRange(min = 0, max = 10_000_000) long elapsedRaw) {
        long elapsed = Math.min(elapsedRaw, total);
        PeriodProgress open = new PeriodProgress(Duration.ofSeconds(elapsed), Duration.ofSeconds(total), false);
        PeriodFigures f = PeriodFigures.of(target, actual, open);
        assertTrue(f.projected() >= actual, "the pace never projects fewer than delivered");
        if (elapsed > 0) {
            // ⌊actual × total ÷ elapsed⌋, exactly
            assertEquals(java.math.BigInteger.valueOf(actual).multiply(java.math.BigInteger.valueOf(total * 1000))
                    .divide(java.math.BigInteger.valueOf(elapsed * 1000)).longValue(), f.projected());
        }
        boolean quarter = elapsed * 4 >= total;
        assertEquals(quarter && f.projected() < target, f.atRisk());
        if (f.atRisk()) {
            assertTrue(actual < target);
        }
        PeriodFigures more = PeriodFigures.of(target, actual + 1, open);
        assertTrue(more.projected() >= f.projected(), "more delivered never projects less");
        PeriodFigures closed = PeriodFigures.of(target, actual,
                new PeriodProgress(Duration.ofSeconds(total), Duration.ofSeconds(total), true));
        assertEquals(actual, closed.projected());
        assertEquals(actual >= target ? PeriodFigures.Status.MET : PeriodFigures.Status.MISSED, closed.status());
    }

    @Property(tries = 300)
    void theQuarterPointIsWhereAQuarterOfTheBusinessTimeHasPassed(@ForAll("kinds") PeriodKind kind,
            @ForAll("zones") ZoneId zone, @ForAll("instants") Instant at) {
        List<WeeklyInterval> hours = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(WeeklyInterval.of(d, "08:30", "17:15"));
        }
        BusinessCalendar calendar = new BusinessCalendar(zone, hours, Set.of());
        CommitmentPeriod p = CommitmentPeriod.containing(kind, at, zone);
        Instant q = PeriodProgress.quarterPoint(calendar, p);
        assertTrue(PeriodProgress.of(calendar, p, q).quarterReached());
        assertTrue(!PeriodProgress.of(calendar, p, q.minusSeconds(1)).quarterReached());
    }
}
