package io.accord.evidence;

import io.accord.icp.Criterion;
import io.accord.icp.Evaluation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-criterion evidence: for each criterion of the version tried, how many leads matched it, and the won and
 * rejected rates of the leads that matched against those that did not. Pure and not thread safe.
 */
final class CriterionTally {

    /** One criterion's evidence; rates are percentages with one decimal, null for an empty group. */
    record Evidence(int index, String attribute, String operator, boolean required, int weight, long matched,
            long unmatched, BigDecimal wonRateMatched, BigDecimal wonRateUnmatched, BigDecimal rejectedRateMatched,
            BigDecimal rejectedRateUnmatched) {
    }

    private final List<Criterion> criteria;
    private final long[] matched;
    private final long[] matchedWon;
    private final long[] matchedRejected;
    private long leads;
    private long won;
    private long rejected;

    CriterionTally(List<Criterion> criteria) {
        this.criteria = List.copyOf(criteria);
        this.matched = new long[criteria.size()];
        this.matchedWon = new long[criteria.size()];
        this.matchedRejected = new long[criteria.size()];
    }

    void add(Evaluation evaluation, Outcome outcome) {
        leads++;
        if (outcome.won()) {
            won++;
        }
        if (outcome.rejected()) {
            rejected++;
        }
        for (int i = 0; i < matched.length; i++) {
            if (evaluation.criteria().get(i).matched()) {
                matched[i]++;
                if (outcome.won()) {
                    matchedWon[i]++;
                }
                if (outcome.rejected()) {
                    matchedRejected[i]++;
                }
            }
        }
    }

    List<Evidence> evidence() {
        List<Evidence> out = new ArrayList<>(matched.length);
        for (int i = 0; i < matched.length; i++) {
            Criterion c = criteria.get(i);
            long unmatched = leads - matched[i];
            out.add(new Evidence(i, c.attribute(), c.operator().wireName(), Boolean.TRUE.equals(c.required()),
                    c.weight(), matched[i], unmatched,
                    Figures.percent(matchedWon[i], matched[i]), Figures.percent(won - matchedWon[i], unmatched),
                    Figures.percent(matchedRejected[i], matched[i]),
                    Figures.percent(rejected - matchedRejected[i], unmatched)));
        }
        return out;
    }
}
