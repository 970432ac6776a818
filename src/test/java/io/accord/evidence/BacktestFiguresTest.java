package io.accord.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The arithmetic of backtest figures and the per-tier tally, on hand-worked numbers, plus properties. */
class BacktestFiguresTest {

    private static Outcome won(Integer touch) {
        return new Outcome(true, true, true, false, null, touch);
    }

    private static Outcome accepted(Integer touch) {
        return new Outcome(true, false, false, false, null, touch);
    }

    private static Outcome rejected(String reason) {
        return new Outcome(false, false, false, true, reason, null);
    }

    @Test
    void percentagesHaveOneDecimalRoundedHalfUp() {
        assertEquals(new BigDecimal("33.3"), Figures.percent(1, 3));
        assertEquals(new BigDecimal("66.7"), Figures.percent(2, 3));
        assertEquals(new BigDecimal("12.5"), Figures.percent(1, 8));
        assertNull(Figures.percent(0, 0));
    }

    @Test
    void liftIsTheGroupsWinRateOverAllLeads() {
        assertEquals(new BigDecimal("2.40"), Figures.lift(6, 10, 10, 40));
        assertEquals(new BigDecimal("0.40"), Figures.lift(1, 10, 10, 40));
        assertNull(Figures.lift(0, 10, 0, 40), "no lead won: no lift");
        assertNull(Figures.lift(0, 0, 3, 40), "empty group: no lift");
    }

    @Test
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddlesRoundedHalfUp() {
        assertEquals(5L, Figures.median(new int[] {9, 1, 5}, 3));
        assertEquals(4L, Figures.median(new int[] {1, 6, 3, 5}, 4)); // (3 + 5) / 2
        assertEquals(3L, Figures.median(new int[] {2, 3}, 2)); // 2.5 rounds half up
        assertNull(Figures.median(new int[4], 0));
    }

    @Test
    void histogramBandsAreTenPointsWithOneHundredInTheLast() {
        assertEquals(0, Figures.bucket(0));
        assertEquals(0, Figures.bucket(9));
        assertEquals(1, Figures.bucket(10));
        assertEquals(8, Figures.bucket(89));
        assertEquals(9, Figures.bucket(90));
        assertEquals(9, Figures.bucket(100));
    }

    @Test
    void tallyGivesHandWorkedFiguresPerTier() {
        Tally tally = new Tally(List.of("A", "B", "C"));
        // tier A: 4 leads, 2 won (touched after 60 s and 120 s), 1 accepted only (300 s), 1 rejected (no_budget)
        tally.add("A", 95, won(60));
        tally.add("A", 90, won(120));
        tally.add("A", 85, accepted(300));
        tally.add("A", 80, rejected("no_budget"));
        // tier C: 3 leads, none won, 2 rejected (not_icp_fit, competitor) + 1 accepted
        tally.add("C", 20, rejected("not_icp_fit"));
        tally.add("C", 10, rejected("competitor"));
        tally.add("C", 5, accepted(null));
        // no tier (a required criterion failed): 1 rejected
        tally.add(null, 70, rejected("not_icp_fit"));

        Tally.Side side = tally.figures(1);
        assertEquals(8, side.all().leads());
        assertEquals(new BigDecimal("25.0"), side.all().wonRate());
        assertEquals(new BigDecimal("50.0"), side.all().rejectedRate());
        assertEquals(List.of("A", "C"), side.tiers().subList(0, 2).stream().map(Tally.Group::tier).toList());
        assertNull(side.tiers().get(2).tier(), "the no-tier group comes last");

        Tally.Group a = side.tiers().get(0);
        assertEquals(4, a.leads());
        assertEquals(new BigDecimal("50.0"), a.share());
        assertEquals(new BigDecimal("75.0"), a.acceptedRate());
        assertEquals(new BigDecimal("50.0"), a.qualifiedRate());
        assertEquals(new BigDecimal("50.0"), a.wonRate());
        assertEquals(new BigDecimal("25.0"), a.rejectedRate());
        assertEquals(120L, a.medianSecondsToFirstTouch());
        assertEquals(new BigDecimal("2.00"), a.lift());
        assertEquals(List.of(new Tally.Reason("no_budget", 1, new BigDecimal("100.0"))), a.topRejectionReasons());

        Tally.Group c = side.tiers().get(1);
        assertEquals(new BigDecimal("0.00"), c.lift());
        assertNull(c.medianSecondsToFirstTouch());
        assertEquals("competitor", c.topRejectionReasons().get(0).reason(), "ties of reasons go by name");

        long[] bars = side.histogram().stream().mapToLong(Tally.Bar::leads).toArray();
        assertEquals("[1, 1, 1, 0, 0, 0, 0, 1, 2, 2]", Arrays.toString(bars));
        assertEquals(100, side.histogram().get(9).to());
    }

    @Property
    void tiersAddUpToAllAndSharesToAboutOneHundred(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 100) Integer> scores) {
        Tally tally = new Tally(List.of("A", "B", "C"));
        for (int i = 0; i < scores.size(); i++) {
            int s = scores.get(i);
            String tier = s >= 80 ? "A" : s >= 50 ? "B" : s >= 10 ? "C" : null;
            tally.add(tier, s, i % 3 == 0 ? won(i) : i % 3 == 1 ? rejected("other") : accepted(null));
        }
        Tally.Side side = tally.figures(3);
        assertEquals(scores.size(), side.tiers().stream().mapToLong(Tally.Group::leads).sum());
        assertEquals(scores.size(), side.histogram().stream().mapToLong(Tally.Bar::leads).sum());
        assertEquals(side.all().won(), side.tiers().stream().mapToLong(Tally.Group::won).sum());
        if (!scores.isEmpty()) {
            BigDecimal shares = side.tiers().stream().map(Tally.Group::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertTrue(shares.subtract(new BigDecimal("100")).abs().compareTo(new BigDecimal("0.25")) <= 0,
                    "shares sum to 100 within rounding: " + shares);
        }
    }

    @Property
    void medianSplitsTheValuesInHalves(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 1_000_000) Integer> values) {
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        long median = Figures.median(array.clone(), array.length);
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        assertTrue(median >= sorted.get(0) && median <= sorted.get(sorted.size() - 1));
        long below = values.stream().filter(v -> v < median).count();
        long above = values.stream().filter(v -> v > median).count();
        assertTrue(below <= values.size() / 2 && above <= values.size() / 2, "median " + median + " of " + sorted);
    }
}
