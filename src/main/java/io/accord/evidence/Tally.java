package io.accord.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts one side of a backtest (the version tried, or the fit recorded at hand-off) lead by lead, and turns the
 * counts into figures per tier: leads, share, accepted/qualified/won/rejected rates, the top rejection reasons, the
 * median time to first touch and the lift of the win rate against all leads; plus the score histogram. Memory is
 * a few counters per tier and reason, and one {@code int} per touched lead for the medians: lead rows are never kept.
 * Pure and not thread safe.
 */
final class Tally {

    /** The figures of one group of leads (a tier, "no tier", or all). */
    record Group(String tier, long leads, long won, BigDecimal share, BigDecimal acceptedRate, BigDecimal qualifiedRate,
            BigDecimal wonRate, BigDecimal rejectedRate, List<Reason> topRejectionReasons,
            Long medianSecondsToFirstTouch, BigDecimal lift) {
    }

    /** A rejection reason with its count and share of the group's rejected leads. */
    record Reason(String reason, long leads, BigDecimal share) {
    }

    /** One bar of the score histogram: scores from..to (both included). */
    record Bar(int from, int to, long leads) {
    }

    /** One side: all leads, then one group per tier (the tiers in order, then null for "no tier" if any). */
    record Side(Group all, List<Group> tiers, List<Bar> histogram, long unscored) {
    }

    private final List<String> tierOrder;
    private final Map<String, Counts> groups = new HashMap<>();
    private final Counts all = new Counts();
    private final long[] histogram = new long[10];
    private long unscored;

    /** {@code tierOrder}: the tier labels in the order to list them (highest first); others follow by name. */
    Tally(List<String> tierOrder) {
        this.tierOrder = List.copyOf(tierOrder);
    }

    /** Counts one lead; {@code tier} null means no tier, {@code score} null means not scored on this side. */
    void add(String tier, Integer score, Outcome outcome) {
        all.add(outcome);
        groups.computeIfAbsent(tier == null ? NONE : tier, t -> new Counts()).add(outcome);
        if (score == null) {
            unscored++;
        } else {
            histogram[Figures.bucket(score)]++;
        }
    }

    long leads() {
        return all.leads;
    }

    /** The figures; {@code topReasons} rejection reasons at most per group. */
    Side figures(int topReasons) {
        List<String> labels = new ArrayList<>();
        for (String t : tierOrder) {
            if (groups.containsKey(t)) {
                labels.add(t);
            }
        }
        groups.keySet().stream().filter(t -> !Objects.equals(t, NONE) && !tierOrder.contains(t)).sorted()
                .forEach(labels::add);
        if (groups.containsKey(NONE)) {
            labels.add(NONE);
        }
        List<Group> tiers = new ArrayList<>(labels.size());
        for (String label : labels) {
            tiers.add(groups.get(label).group(NONE.equals(label) ? null : label, all, topReasons));
        }
        List<Bar> bars = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            bars.add(new Bar(i * 10, i == 9 ? 100 : i * 10 + 9, histogram[i]));
        }
        return new Side(all.group(null, all, topReasons), tiers, bars, unscored);
    }

    /** The key of the "no tier" group (not a valid tier label: labels are non-blank). */
    private static final String NONE = "";

    /** Counters of one group. */
    private static final class Counts {
        long leads;
        long accepted;
        long qualified;
        long won;
        long rejected;
        final Map<String, long[]> reasons = new LinkedHashMap<>();
        int[] touches = new int[16];
        int touched;

        void add(Outcome o) {
            leads++;
            if (o.accepted()) {
                accepted++;
            }
            if (o.qualified()) {
                qualified++;
            }
            if (o.won()) {
                won++;
            }
            if (o.rejected()) {
                rejected++;
                reasons.computeIfAbsent(o.rejectReason() == null ? "unknown" : o.rejectReason(), r -> new long[1])[0]++;
            }
            if (o.firstTouchSeconds() != null) {
                if (touched == touches.length) {
                    touches = java.util.Arrays.copyOf(touches, touches.length * 2);
                }
                touches[touched++] = Math.max(0, o.firstTouchSeconds());
            }
        }

        Group group(String tier, Counts all, int topReasons) {
            List<Reason> top = reasons.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                            .thenComparing(Map.Entry::getKey))
                    .limit(topReasons)
                    .map(e -> new Reason(e.getKey(), e.getValue()[0], Figures.percent(e.getValue()[0], rejected)))
                    .toList();
            return new Group(tier, leads, won, Figures.percent(leads, all.leads), Figures.percent(accepted, leads),
                    Figures.percent(qualified, leads), Figures.percent(won, leads), Figures.percent(rejected, leads),
                    top, Figures.median(touches, touched), Figures.lift(won, leads, all.won, all.leads));
        }
    }
}
