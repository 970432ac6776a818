package io.accord.icp;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two ICP definitions.
 *
 * <p>Criteria are matched by (attribute, operator), attribute compared exactly; when several criteria of one
 * version share a pair, the n-th of the older is matched with the n-th of the newer. Unmatched criteria of the
 * newer version are {@code added}, of the older {@code removed}. A matched pair is {@code changed} when a field
 * differs <em>as evaluation sees it</em>: {@code values} as sets of trimmed, case-folded entries (order,
 * duplicates, case and surrounding spaces ignored; numeric entries by value), {@code value} trimmed ignoring case
 * or numerically, {@code min}/{@code max} numerically ({@code 50} = {@code 50.0}), {@code weight},
 * {@code required}. Tiers are matched by label (case-sensitive): changes of matched and added tiers in the newer
 * order, then removed tiers in the older order.
 */
final class IcpDiff {

    private IcpDiff() {
    }

    /** What changed from {@code before} to {@code after}; null definitions count as empty. */
    static Diff between(IcpDefinition before, IcpDefinition after) {
        List<Criterion> older = nonNull(before == null ? List.of() : before.criteria());
        List<Criterion> newer = nonNull(after == null ? List.of() : after.criteria());

        Map<Key, ArrayDeque<Integer>> unmatchedOlder = new HashMap<>();
        for (int i = 0; i < older.size(); i++) {
            unmatchedOlder.computeIfAbsent(Key.of(older.get(i)), k -> new ArrayDeque<>()).add(i);
        }
        boolean[] olderMatched = new boolean[older.size()];
        List<Criterion> added = new ArrayList<>();
        List<CriterionChange> changed = new ArrayList<>();
        for (Criterion c : newer) {
            ArrayDeque<Integer> candidates = unmatchedOlder.get(Key.of(c));
            Integer index = candidates == null ? null : candidates.poll();
            if (index == null) {
                added.add(c);
                continue;
            }
            olderMatched[index] = true;
            Criterion old = older.get(index);
            List<String> fields = differingFields(old, c);
            if (!fields.isEmpty()) {
                changed.add(new CriterionChange(c.attribute(),
                        c.operator() == null ? null : c.operator().wireName(), old, c, fields));
            }
        }
        List<Criterion> removed = new ArrayList<>();
        for (int i = 0; i < older.size(); i++) {
            if (!olderMatched[i]) {
                removed.add(older.get(i));
            }
        }
        return new Diff(added, removed, changed, tierChanges(
                nonNull(before == null ? List.of() : before.tiers()),
                nonNull(after == null ? List.of() : after.tiers())));
    }

    private static List<String> differingFields(Criterion a, Criterion b) {
        List<String> fields = new ArrayList<>(2);
        if (!valueSet(a.values()).equals(valueSet(b.values()))) {
            fields.add("values");
        }
        if (!Values.sameOperand(a.value(), b.value())) {
            fields.add("value");
        }
        if (!sameNumber(a.min(), b.min())) {
            fields.add("min");
        }
        if (!sameNumber(a.max(), b.max())) {
            fields.add("max");
        }
        if (!Objects.equals(a.weight(), b.weight())) {
            fields.add("weight");
        }
        if (!Objects.equals(a.required(), b.required())) {
            fields.add("required");
        }
        return fields;
    }

    /** Canonical form of a values list: numbers by value (stripped of trailing zeros), others normalised. */
    private static Set<String> valueSet(List<String> values) {
        return values.stream().filter(Objects::nonNull).map(v -> {
            BigDecimal n = Values.parseNumber(v);
            return n != null ? "#" + canonical(n) : "$" + Values.normalize(v);
        }).collect(Collectors.toSet());
    }

    private static String canonical(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        try {
            return n.stripTrailingZeros().toString();
        } catch (ArithmeticException e) {
            return n.toString();
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }

    private static List<TierChange> tierChanges(List<Tier> older, List<Tier> newer) {
        Map<String, Integer> before = byLabel(older);
        Map<String, Integer> after = byLabel(newer);
        List<TierChange> changes = new ArrayList<>();
        for (Map.Entry<String, Integer> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                changes.add(new TierChange(e.getKey(), null, e.getValue(), TierChange.ADDED));
            } else if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                changes.add(new TierChange(e.getKey(), before.get(e.getKey()), e.getValue(), TierChange.CHANGED));
            }
        }
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changes.add(new TierChange(e.getKey(), e.getValue(), null, TierChange.REMOVED));
            }
        }
        return changes;
    }

    /** First occurrence of each label wins (labels are unique in valid definitions). */
    private static Map<String, Integer> byLabel(List<Tier> tiers) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (Tier t : tiers) {
            if (!map.containsKey(t.label())) {
                map.put(t.label(), t.minScore());
            }
        }
        return map;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list.stream().filter(Objects::nonNull).toList();
    }

    private record Key(String attribute, Operator operator) {
        static Key of(Criterion c) {
            return new Key(c.attribute(), c.operator());
        }
    }
}
