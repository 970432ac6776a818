package io.accord.icp;

import java.util.List;

/**
 * A criterion present in both versions with different settings.
 *
 * @param operator wire name of the operator
 * @param fields   which fields differ, in this order: values, value, min, max, weight, required
 */
public record CriterionChange(String attribute, String operator, Criterion before, Criterion after,
                              List<String> fields) {

    public CriterionChange {
        fields = List.copyOf(fields);
    }
}
