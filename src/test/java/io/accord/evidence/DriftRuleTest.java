package io.accord.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DriftRuleTest {

    private static final List<String> TIERS = List.of("A", "B", "C");
    private static final DriftRule.Limits LIMITS = new DriftRule.Limits(50, 20, new BigDecimal("15"));
    private static final List<DriftRule.Count> BACKTEST = List.of(new DriftRule.Count("A", 100, 40),
            new DriftRule.Count("B", 200, 30), new DriftRule.Count("C", 200, 10));

    @Test
    void aTierAWinningLessThanTierBIsDrift() {
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", 20, 2),
                new DriftRule.Count("B", 40, 8), new DriftRule.Count("C", 40, 1)), LIMITS);
        assertTrue(v.drifted());
        assertEquals(1, v.reasons().size(), v.reasons().toString());
        assertTrue(v.reasons().get(0).startsWith("tier A won 10.0 % of its 20 leads, below tier B with 20.0 %"));
    }

    @Test
    void aMixThatMovedMoreThanTheShareIsDrift() {
        // A: 20 % in the backtest, 40 % now (a 20-point move); win rates keep their order
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", 40, 16),
                new DriftRule.Count("B", 30, 4), new DriftRule.Count("C", 30, 1)), LIMITS);
        assertTrue(v.drifted());
        assertTrue(v.reasons().stream().anyMatch(r -> r.startsWith("tier A moved from 20.0 %")), v.reasons().toString());
    }

    @Test
    void aMoveOfExactlyTheShareIsNotDrift() {
        // A: 20 % → 35 %, exactly 15 points; B 40 % → 35 %, C 40 % → 30 %
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", 35, 14),
                new DriftRule.Count("B", 35, 5), new DriftRule.Count("C", 30, 1)), LIMITS);
        assertFalse(v.drifted(), v.reasons().toString());
    }

    @Test
    void tooFewRecentLeadsJudgeNothing() {
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", 20, 0),
                new DriftRule.Count("B", 20, 20)), LIMITS);
        assertFalse(v.drifted());
        assertEquals(40, v.recentLeads());
    }

    @Test
    void anInversionOnTooFewTierLeadsIsNoDrift() {
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", 19, 0),
                new DriftRule.Count("B", 41, 20), new DriftRule.Count("C", 40, 1)), LIMITS);
        assertTrue(v.reasons().stream().noneMatch(r -> r.contains("below tier B")), v.reasons().toString());
    }

    @Property
    void recentFiguresLikeTheBacktestNeverDrift(@ForAll @IntRange(min = 1, max = 50) int scale) {
        List<DriftRule.Count> same = BACKTEST.stream()
                .map(c -> new DriftRule.Count(c.tier(), c.leads() * scale, c.won() * scale)).toList();
        assertFalse(DriftRule.judge(TIERS, BACKTEST, same, LIMITS).drifted());
    }

    @Property
    void anInversionAlwaysDrifts(@ForAll @IntRange(min = 20, max = 500) int aLeads,
            @ForAll @IntRange(min = 20, max = 500) int bLeads, @ForAll @IntRange(min = 0, max = 19) int aWon) {
        // B wins every lead, A fewer than all of its own: A's rate is below B's whenever aWon < aLeads
        DriftRule.Verdict v = DriftRule.judge(TIERS, BACKTEST, List.of(new DriftRule.Count("A", aLeads, aWon),
                new DriftRule.Count("B", bLeads, bLeads)), new DriftRule.Limits(40, 20, new BigDecimal("100")));
        assertTrue(v.drifted());
        assertTrue(v.reasons().get(0).contains("below tier B"), v.reasons().toString());
    }
}
