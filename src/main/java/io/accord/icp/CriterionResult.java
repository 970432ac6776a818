package io.accord.icp;

/**
 * How one criterion fared.
 *
 * @param operator the operator's wire name, e.g. {@code contains_any}
 * @param actual   the value found at the attribute path (may be a list or map), or null if absent
 */
public record CriterionResult(String attribute, String operator, boolean matched, boolean required, int weight,
                              Object actual) {
}
