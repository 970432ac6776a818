package io.accord.icp;

import io.accord.common.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of an {@link IcpDefinition}; every problem is reported with the path of the offending field.
 *
 * <ul>
 *   <li>{@code criteria}: 1 to 100 entries, none null.</li>
 *   <li>{@code attribute}: required; {@code company|contact|custom} then one or more dot-separated segments
 *       that are non-empty and contain no whitespace (e.g. {@code custom.a.b}).</li>
 *   <li>{@code operator}: required. {@code weight}: required, 1–100.</li>
 *   <li>Operands: {@code eq} needs a non-blank {@code value}; {@code gte}/{@code lte} a numeric {@code value};
 *       {@code in}/{@code not_in}/{@code contains_any} a non-empty {@code values} whose entries are non-blank;
 *       {@code between} {@code min} and {@code max} with min ≤ max; {@code exists} none.</li>
 *   <li>Strict operands: an operand the operator does not use (including any operand on {@code exists}) is
 *       rejected with "is not allowed for operator X". An empty {@code values} list counts as not set.</li>
 *   <li>{@code tiers}: at least one, none null; labels required, non-blank and unique (case-sensitive); minScore
 *       required, 0–100 and strictly descending in the given order.</li>
 * </ul>
 */
final class IcpRules {

    static final int MAX_CRITERIA = 100;
    static final int MIN_WEIGHT = 1;
    static final int MAX_WEIGHT = 100;
    /** Bounds on text, declared in the contract as maxLength/maxItems (see OpenApiConventions). */
    static final int MAX_ATTRIBUTE = 200;
    static final int MAX_VALUE = 1000;
    static final int MAX_VALUES = 1000;
    static final int MAX_LABEL = 32;

    private IcpRules() {
    }

    /** All violations, in field order; empty when the definition is valid. A null definition counts as empty. */
    static List<FieldError> validate(IcpDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        List<Criterion> criteria = definition == null ? List.of() : definition.criteria();
        List<Tier> tiers = definition == null ? List.of() : definition.tiers();

        if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            errors.add(new FieldError("criteria", "must contain between 1 and " + MAX_CRITERIA + " criteria"));
        }
        for (int i = 0; i < criteria.size(); i++) {
            validateCriterion("criteria[" + i + "]", criteria.get(i), errors);
        }

        if (tiers.isEmpty()) {
            errors.add(new FieldError("tiers", "must contain at least one tier"));
        }
        Set<String> labels = new HashSet<>();
        Integer previousMinScore = null;
        for (int i = 0; i < tiers.size(); i++) {
            String path = "tiers[" + i + "]";
            Tier tier = tiers.get(i);
            if (tier == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            if (tier.label() == null) {
                errors.add(new FieldError(path + ".label", "is required"));
            } else if (tier.label().isBlank()) {
                errors.add(new FieldError(path + ".label", "must not be blank"));
            } else if (tier.label().length() > MAX_LABEL) {
                errors.add(new FieldError(path + ".label", "must be at most " + MAX_LABEL + " characters"));
            } else if (!labels.add(tier.label())) {
                errors.add(new FieldError(path + ".label", "must be unique"));
            }
            Integer minScore = tier.minScore();
            if (minScore == null) {
                errors.add(new FieldError(path + ".minScore", "is required"));
            } else if (minScore < 0 || minScore > 100) {
                errors.add(new FieldError(path + ".minScore", "must be between 0 and 100"));
            } else {
                if (previousMinScore != null && minScore >= previousMinScore) {
                    errors.add(new FieldError(path + ".minScore",
                            "must be less than the minScore of the previous tier (tiers are ordered highest first)"));
                }
                previousMinScore = minScore;
            }
        }
        return List.copyOf(errors);
    }

    private static void validateCriterion(String path, Criterion c, List<FieldError> errors) {
        if (c == null) {
            errors.add(new FieldError(path, "must not be null"));
            return;
        }
        if (c.attribute() == null || c.attribute().isBlank()) {
            errors.add(new FieldError(path + ".attribute", "is required"));
        } else if (c.attribute().length() > MAX_ATTRIBUTE) {
            errors.add(new FieldError(path + ".attribute", "must be at most " + MAX_ATTRIBUTE + " characters"));
        } else if (AttributePath.parse(c.attribute()) == null) {
            errors.add(new FieldError(path + ".attribute",
                    "must be a dot path under company, contact or custom (e.g. company.industry)"));
        }
        if (c.operator() == null) {
            errors.add(new FieldError(path + ".operator", "is required"));
        }
        if (c.weight() == null) {
            errors.add(new FieldError(path + ".weight", "is required"));
        } else if (c.weight() < MIN_WEIGHT || c.weight() > MAX_WEIGHT) {
            errors.add(new FieldError(path + ".weight", "must be between " + MIN_WEIGHT + " and " + MAX_WEIGHT));
        }
        Operator op = c.operator();
        if (op == null) {
            return;
        }
        boolean usesValue = false;
        boolean usesValues = false;
        boolean usesRange = false;
        switch (op) {
            case EQ -> {
                usesValue = true;
                if (c.value() == null) {
                    errors.add(new FieldError(path + ".value", "is required"));
                } else if (c.value().isBlank()) {
                    errors.add(new FieldError(path + ".value", "must not be blank"));
                } else if (c.value().length() > MAX_VALUE) {
                    errors.add(new FieldError(path + ".value", "must be at most " + MAX_VALUE + " characters"));
                }
            }
            case GTE, LTE -> {
                usesValue = true;
                if (c.value() == null) {
                    errors.add(new FieldError(path + ".value", "is required"));
                } else if (c.value().length() > MAX_VALUE || Values.parseNumber(c.value()) == null) {
                    errors.add(new FieldError(path + ".value", "must be a number"));
                }
            }
            case IN, NOT_IN, CONTAINS_ANY -> {
                usesValues = true;
                if (c.values().isEmpty()) {
                    errors.add(new FieldError(path + ".values", "must not be empty"));
                } else if (c.values().size() > MAX_VALUES) {
                    errors.add(new FieldError(path + ".values", "must have at most " + MAX_VALUES + " values"));
                }
                for (int j = 0; j < c.values().size(); j++) {
                    String entry = c.values().get(j);
                    if (entry == null || entry.isBlank()) {
                        errors.add(new FieldError(path + ".values[" + j + "]", "must not be blank"));
                    } else if (entry.length() > MAX_VALUE) {
                        errors.add(new FieldError(path + ".values[" + j + "]", "must be at most " + MAX_VALUE
                                + " characters"));
                    }
                }
            }
            case BETWEEN -> {
                usesRange = true;
                if (c.min() == null) {
                    errors.add(new FieldError(path + ".min", "is required"));
                }
                if (c.max() == null) {
                    errors.add(new FieldError(path + ".max", "is required"));
                }
                if (c.min() != null && c.max() != null && c.max().compareTo(c.min()) < 0) {
                    errors.add(new FieldError(path + ".max", "must not be less than min"));
                }
            }
            case EXISTS -> {
                // no operands
            }
        }
        String notAllowed = "is not allowed for operator " + op.wireName();
        if (!usesValues && !c.values().isEmpty()) {
            errors.add(new FieldError(path + ".values", notAllowed));
        }
        if (!usesValue && c.value() != null) {
            errors.add(new FieldError(path + ".value", notAllowed));
        }
        if (!usesRange && c.min() != null) {
            errors.add(new FieldError(path + ".min", notAllowed));
        }
        if (!usesRange && c.max() != null) {
            errors.add(new FieldError(path + ".max", notAllowed));
        }
    }
}
