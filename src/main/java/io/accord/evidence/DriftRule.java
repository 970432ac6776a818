package io.accord.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When an active ICP version has drifted from the evidence it was signed on. Compares the tier mix and win rates of
 * the recent leads (the last weeks, scored by the active version at hand-off) with the version's latest backtest:
 *
 * <ul>
 *   <li><b>inversion</b>: the first tier's win rate is below the second tier's, both tiers having at least
 *       {@code minTierLeads} recent leads;</li>
 *   <li><b>mix</b>: a tier's share of the recent leads differs from its share in the backtest by more than
 *       {@code maxMixShift} percentage points.</li>
 * </ul>
 *
 * Nothing is judged on fewer than {@code minLeads} recent leads. Pure.
 */
final class DriftRule {

    private DriftRule() {
    }

    /** Leads and wins of one tier ({@code tier} null: leads that reached no tier). */
    record Count(String tier, long leads, long won) {
    }

    /** The thresholds ({@code accord.evidence.drift-*}). */
    record Limits(int minLeads, int minTierLeads, BigDecimal maxMixShift) {
    }

    /** One tier, then (backtest) and now (recent weeks); percentages with one decimal. */
    record TierMix(String tier, BigDecimal backtestShare, BigDecimal recentShare, BigDecimal backtestWonRate,
            BigDecimal recentWonRate, long recentLeads) {
    }

    /** The verdict; {@code reasons} says why it drifted, empty when it did not. */
    record Verdict(boolean drifted, List<String> reasons, long recentLeads, List<TierMix> tiers) {
    }

    /**
     * @param tierOrder the version's tier labels, highest first
     * @param backtest  the counts of the backtest, per tier
     * @param recent    the counts of the recent weeks, per tier
     */
    static Verdict judge(List<String> tierOrder, List<Count> backtest, List<Count> recent, Limits limits) {
        Map<String, Count> before = byTier(backtest);
        Map<String, Count> now = byTier(recent);
        long beforeTotal = backtest.stream().mapToLong(Count::leads).sum();
        long nowTotal = recent.stream().mapToLong(Count::leads).sum();
        Set<String> tiers = new LinkedHashSet<>(tierOrder);
        before.keySet().stream().filter(t -> !t.isEmpty()).sorted().forEach(tiers::add);
        now.keySet().stream().filter(t -> !t.isEmpty()).sorted().forEach(tiers::add);
        tiers.add("");
        List<TierMix> mix = new ArrayList<>();
        for (String t : tiers) {
            Count b = before.getOrDefault(t, new Count(t, 0, 0));
            Count n = now.getOrDefault(t, new Count(t, 0, 0));
            if (b.leads() == 0 && n.leads() == 0) {
                continue;
            }
            mix.add(new TierMix(t.isEmpty() ? null : t, Figures.percent(b.leads(), beforeTotal),
                    Figures.percent(n.leads(), nowTotal), Figures.percent(b.won(), b.leads()),
                    Figures.percent(n.won(), n.leads()), n.leads()));
        }
        List<String> reasons = new ArrayList<>();
        if (nowTotal < limits.minLeads() || beforeTotal == 0) {
            return new Verdict(false, reasons, nowTotal, mix);
        }
        if (tierOrder.size() >= 2) {
            Count a = now.get(tierOrder.get(0));
            Count b = now.get(tierOrder.get(1));
            // a.won / a.leads < b.won / b.leads, in exact integer arithmetic
            if (a != null && b != null && a.leads() >= limits.minTierLeads() && b.leads() >= limits.minTierLeads()
                    && a.won() * b.leads() < b.won() * a.leads()) {
                reasons.add("tier " + a.tier() + " won " + Figures.percent(a.won(), a.leads()) + " % of its "
                        + a.leads() + " leads, below tier " + b.tier() + " with " + Figures.percent(b.won(), b.leads())
                        + " %");
            }
        }
        // |n/N - b/B| > shift/100  <=>  |100 (n B - b N)| > shift N B, exactly
        BigDecimal scale = BigDecimal.valueOf(nowTotal).multiply(BigDecimal.valueOf(beforeTotal));
        for (String t : tiers) {
            long b = before.containsKey(t) ? before.get(t).leads() : 0;
            long n = now.containsKey(t) ? now.get(t).leads() : 0;
            BigDecimal difference = BigDecimal.valueOf(100).multiply(BigDecimal.valueOf(n)
                    .multiply(BigDecimal.valueOf(beforeTotal)).subtract(BigDecimal.valueOf(b)
                            .multiply(BigDecimal.valueOf(nowTotal)))).abs();
            if (difference.compareTo(limits.maxMixShift().multiply(scale)) > 0) {
                reasons.add((t.isEmpty() ? "leads without a tier" : "tier " + t) + " moved from "
                        + Figures.percent(b, beforeTotal) + " % of the backtest's leads to "
                        + Figures.percent(n, nowTotal) + " % of the recent ones");
            }
        }
        return new Verdict(!reasons.isEmpty(), reasons, nowTotal, mix);
    }

    private static Map<String, Count> byTier(List<Count> counts) {
        return counts.stream().collect(Collectors.toMap(c -> Objects.requireNonNullElse(c.tier(), ""),
                Function.identity(), (x, y) -> new Count(x.tier(), x.leads() + y.leads(), x.won() + y.won())));
    }
}
