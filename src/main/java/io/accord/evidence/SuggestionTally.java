package io.accord.evidence;

import io.accord.icp.LeadAttributes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggestions: for each attribute in the data that no criterion of the version uses, the values whose leads' outcome
 * differs most from the other leads'. Attributes are the top-level keys of {@code company} and {@code custom}, and
 * {@code contact.title}, {@code contact.seniority} and {@code contact.department} (never other contact data). A value
 * is a string (trimmed, lower case: how criteria compare), a number, a boolean, or each element of a list. An
 * attribute with more than {@code maxValues} distinct values (names, ids) is dropped as soon as it passes the bound,
 * so memory stays bounded whatever the data. Pure and not thread safe.
 */
final class SuggestionTally {

    /** A value worth a look: its leads' won and rejected rates against all other leads'. */
    record Suggestion(String attribute, String value, long leads, BigDecimal wonRate, BigDecimal wonRateOthers,
            BigDecimal rejectedRate, BigDecimal rejectedRateOthers, BigDecimal lift) {
    }

    static final Set<String> CONTACT_ATTRIBUTES = Set.of("title", "seniority", "department");

    private final Set<String> used;
    private final int maxValues;
    private final Map<String, Map<String, long[]>> counts = new HashMap<>();
    private final Set<String> dropped = new java.util.HashSet<>();
    private long leads;
    private long won;
    private long rejected;

    /** {@code used}: the attribute paths the version's criteria use, e.g. {@code company.industry}. */
    SuggestionTally(Set<String> used, int maxValues) {
        this.used = Set.copyOf(used);
        this.maxValues = maxValues;
    }

    void add(LeadAttributes lead, Outcome outcome) {
        leads++;
        if (outcome.won()) {
            won++;
        }
        if (outcome.rejected()) {
            rejected++;
        }
        addRoot("company.", lead.company(), null, outcome);
        addRoot("custom.", lead.custom(), null, outcome);
        addRoot("contact.", lead.contact(), CONTACT_ATTRIBUTES, outcome);
    }

    private void addRoot(String prefix, Map<String, Object> root, Set<String> only, Outcome outcome) {
        for (Map.Entry<String, Object> e : root.entrySet()) {
            if (only != null && !only.contains(e.getKey())) {
                continue;
            }
            String attribute = prefix + e.getKey();
            if (used.contains(attribute) || dropped.contains(attribute)) {
                continue;
            }
            Object value = e.getValue();
            if (value instanceof List<?> list) {
                List<String> seen = new ArrayList<>(list.size());
                for (Object element : list) {
                    String v = text(element);
                    if (v != null && !seen.contains(v)) {
                        seen.add(v);
                        count(attribute, v, outcome);
                    }
                }
            } else {
                String v = text(value);
                if (v != null) {
                    count(attribute, v, outcome);
                }
            }
        }
    }

    private void count(String attribute, String value, Outcome outcome) {
        Map<String, long[]> values = counts.computeIfAbsent(attribute, a -> new HashMap<>());
        long[] c = values.get(value);
        if (c == null) {
            if (values.size() >= maxValues) {
                dropped.add(attribute);
                counts.remove(attribute);
                return;
            }
            c = new long[3];
            values.put(value, c);
        }
        c[0]++;
        if (outcome.won()) {
            c[1]++;
        }
        if (outcome.rejected()) {
            c[2]++;
        }
    }

    /** A scalar as a comparable text, or null for null, blank strings, maps and nested lists. */
    static String text(Object v) {
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            return t.isEmpty() ? null : t.length() > 200 ? t.substring(0, 200) : t;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return null;
    }

    /**
     * The values with at least {@code minLeads} leads whose won rate differs most from the other leads' (ties: more
     * leads first, then by attribute and value), {@code limit} at most. A value held by every lead has no "others"
     * and is left out.
     */
    List<Suggestion> top(int minLeads, int limit) {
        record Candidate(String attribute, String value, long[] c, double difference) {
        }
        List<Candidate> candidates = new ArrayList<>();
        counts.forEach((attribute, values) -> values.forEach((value, c) -> {
            long others = leads - c[0];
            if (c[0] >= minLeads && others > 0) {
                double difference = Math.abs((double) c[1] / c[0] - (double) (won - c[1]) / others);
                candidates.add(new Candidate(attribute, value, c, difference));
            }
        }));
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Candidate x) -> -x.difference())
                        .thenComparingLong(x -> -x.c()[0])
                        .thenComparing(Candidate::attribute).thenComparing(Candidate::value))
                .limit(limit)
                .map(x -> {
                    long n = x.c()[0];
                    long others = leads - n;
                    return new Suggestion(x.attribute(), x.value(), n, Figures.percent(x.c()[1], n),
                            Figures.percent(won - x.c()[1], others), Figures.percent(x.c()[2], n),
                            Figures.percent(rejected - x.c()[2], others), Figures.lift(x.c()[1], n, won, leads));
                })
                .toList();
    }

    /** Attributes left out for having more than the allowed number of distinct values, sorted. */
    List<String> dropped() {
        return dropped.stream().sorted().toList();
    }
}
