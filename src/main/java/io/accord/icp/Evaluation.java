package io.accord.icp;

import java.util.List;

/**
 * The outcome of scoring one lead against one ICP.
 *
 * @param score             0..100, share of matched weight rounded half up
 * @param tier              label of the tier reached, or null (always null when not qualified)
 * @param qualified         true iff every required criterion matched
 * @param criteria          one result per criterion, in definition order
 * @param missingAttributes paths the lead lacks (absent, null or blank string), each once, in criteria order
 */
public record Evaluation(int score, String tier, boolean qualified, List<CriterionResult> criteria,
                         List<String> missingAttributes) {

    public Evaluation {
        criteria = List.copyOf(criteria);
        missingAttributes = List.copyOf(missingAttributes);
    }
}
