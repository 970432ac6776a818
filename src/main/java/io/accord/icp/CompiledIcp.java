package io.accord.icp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated {@link IcpDefinition} precompiled for repeated evaluation: parsed paths, normalised operand sets,
 * parsed numbers. Immutable and thread safe; build with {@link IcpEvaluator#compile(IcpDefinition)}.
 */
final class CompiledIcp {

    private final IcpDefinition definition;
    private final Rule[] rules;
    /** For each rule, the index of the first rule with the same attribute (itself if none earlier). */
    private final int[] firstWithAttribute;
    private final String[] tierLabels;
    private final int[] tierMinScores;
    private final long totalWeight;

    /** Assumes {@code definition} passed {@link IcpRules#validate}. */
    CompiledIcp(IcpDefinition definition) {
        this.definition = definition;
        List<Criterion> criteria = definition.criteria();
        this.rules = new Rule[criteria.size()];
        long total = 0;
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new Rule(criteria.get(i));
            total += rules[i].weight;
        }
        this.totalWeight = total;
        this.firstWithAttribute = new int[rules.length];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < rules.length; i++) {
            Integer earlier = first.putIfAbsent(rules[i].attribute, i);
            firstWithAttribute[i] = earlier == null ? i : earlier;
        }
        List<Tier> tiers = definition.tiers();
        this.tierLabels = new String[tiers.size()];
        this.tierMinScores = new int[tiers.size()];
        for (int i = 0; i < tierLabels.length; i++) {
            tierLabels[i] = tiers.get(i).label();
            tierMinScores[i] = tiers.get(i).minScore();
        }
    }

    /** The definition this was compiled from. */
    IcpDefinition definition() {
        return definition;
    }

    /** Scores one lead; a null lead is treated as having no attributes. */
    Evaluation evaluate(LeadAttributes lead) {
        if (lead == null) {
            lead = LeadAttributes.EMPTY;
        }
        CriterionResult[] results = new CriterionResult[rules.length];
        List<String> missing = null;
        long matchedWeight = 0;
        boolean qualified = true;
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            int first = firstWithAttribute[i];
            Object actual = first == i ? lead.resolve(rule.root, rule.rest) : results[first].actual();
            boolean matched;
            if (actual == null || (actual instanceof String s && Values.isBlank(s))) {
                matched = false;
                if (first == i) { // later rules on the same attribute are missing too: list it once
                    if (missing == null) {
                        missing = new ArrayList<>(4);
                    }
                    missing.add(rule.attribute);
                }
            } else {
                matched = rule.matches(actual);
            }
            if (matched) {
                matchedWeight += rule.weight;
            } else if (rule.required) {
                qualified = false;
            }
            results[i] = new CriterionResult(rule.attribute, rule.wireName, matched, rule.required, rule.weight,
                    actual);
        }
        int score = totalWeight == 0 ? 0 : (int) ((200 * matchedWeight + totalWeight) / (2 * totalWeight));
        String tier = qualified ? tierFor(score) : null;
        // List.of: one copy here, and Evaluation's List.copyOf keeps an immutable list as it is
        return new Evaluation(score, tier, qualified, List.of(results), missing == null ? List.of() : missing);
    }

    private String tierFor(int score) {
        for (int i = 0; i < tierLabels.length; i++) {
            if (tierMinScores[i] <= score) {
                return tierLabels[i];
            }
        }
        return null;
    }

    /** One precompiled criterion. */
    private static final class Rule {
        final String attribute;
        final int root;
        final String[] rest;
        final Operator operator;
        final String wireName;
        final int weight;
        final boolean required;
        final ValueSet valueSet;    // eq, in, not_in, contains_any (list actuals)
        final String[] keywords;    // contains_any (string actuals), lower-cased and trimmed
        final BigDecimal low;       // gte, between
        final BigDecimal high;      // lte, between
        final double lowAsDouble;   // nearest doubles of low and high, for comparing Double actuals
        final double highAsDouble;

        Rule(Criterion c) {
            AttributePath path = AttributePath.parse(c.attribute());
            if (path == null) {
                throw new IllegalArgumentException("invalid attribute path: " + c.attribute());
            }
            this.attribute = c.attribute();
            this.root = path.root();
            this.rest = path.rest();
            this.operator = c.operator();
            this.wireName = operator.wireName();
            this.weight = c.weight();
            this.required = Boolean.TRUE.equals(c.required());
            this.valueSet = switch (operator) {
                case EQ -> new ValueSet(List.of(c.value()));
                case IN, NOT_IN, CONTAINS_ANY -> new ValueSet(c.values());
                default -> null;
            };
            this.keywords = operator == Operator.CONTAINS_ANY
                    ? c.values().stream().map(Values::normalize).distinct().toArray(String[]::new)
                    : null;
            this.low = switch (operator) {
                case GTE -> Values.parseNumber(c.value());
                case BETWEEN -> c.min();
                default -> null;
            };
            this.high = switch (operator) {
                case LTE -> Values.parseNumber(c.value());
                case BETWEEN -> c.max();
                default -> null;
            };
            this.lowAsDouble = low == null ? Double.NaN : low.doubleValue();
            this.highAsDouble = high == null ? Double.NaN : high.doubleValue();
        }

        /** Whether a present (non-null, non-blank) actual value satisfies this criterion. */
        boolean matches(Object actual) {
            switch (operator) {
                case EQ:
                case IN:
                    return valueSet.matchesAny(actual);
                case NOT_IN:
                    return !valueSet.matchesAny(actual);
                case CONTAINS_ANY:
                    if (actual instanceof String s) {
                        String haystack = s.toLowerCase(Locale.ROOT);
                        for (String keyword : keywords) {
                            if (haystack.contains(keyword)) {
                                return true;
                            }
                        }
                        return false;
                    }
                    return actual instanceof List<?> && valueSet.matchesAny(actual);
                case GTE:
                case LTE:
                case BETWEEN: {
                    if (actual instanceof Double d) {
                        double x = d;
                        return Double.isFinite(x)
                                && (low == null || Values.compare(x, low, lowAsDouble) >= 0)
                                && (high == null || Values.compare(x, high, highAsDouble) <= 0);
                    }
                    BigDecimal n = Values.toNumber(actual);
                    return n != null
                            && (low == null || n.compareTo(low) >= 0)
                            && (high == null || n.compareTo(high) <= 0);
                }
                case EXISTS:
                    return true;
                default:
                    throw new IllegalStateException("unhandled operator " + operator);
            }
        }
    }
}
