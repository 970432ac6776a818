package io.accord.icp;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders shared by the ICP tests. */
final class IcpFixtures {

    private IcpFixtures() {
    }

    static Criterion eq(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.EQ, null, value, null, null, weight, false);
    }

    static Criterion in(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.IN, Arrays.asList(values), null, null, null, weight, false);
    }

    static Criterion notIn(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.NOT_IN, Arrays.asList(values), null, null, null, weight, false);
    }

    static Criterion containsAny(String attribute, int weight, String... values) {
        return new Criterion(attribute, Operator.CONTAINS_ANY, Arrays.asList(values), null, null, null, weight, false);
    }

    static Criterion gte(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.GTE, null, value, null, null, weight, false);
    }

    static Criterion lte(String attribute, int weight, String value) {
        return new Criterion(attribute, Operator.LTE, null, value, null, null, weight, false);
    }

    static Criterion between(String attribute, int weight, String min, String max) {
        return new Criterion(attribute, Operator.BETWEEN, null, null,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), weight, false);
    }

    static Criterion exists(String attribute, int weight) {
        return new Criterion(attribute, Operator.EXISTS, null, null, null, null, weight, null);
    }

    static Criterion required(Criterion c) {
        return new Criterion(c.attribute(), c.operator(), c.values(), c.value(), c.min(), c.max(), c.weight(), true);
    }

    static Criterion withWeight(Criterion c, Integer weight) {
        return new Criterion(c.attribute(), c.operator(), c.values(), c.value(), c.min(), c.max(), weight,
                c.required());
    }

    static IcpDefinition icp(List<Criterion> criteria, Tier... tiers) {
        return new IcpDefinition(criteria, Arrays.asList(tiers));
    }

    /** A map from alternating keys and values; null values are kept. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static LeadAttributes company(Object... keysAndValues) {
        return new LeadAttributes(map(keysAndValues), null, null);
    }

    static LeadAttributes custom(Object... keysAndValues) {
        return new LeadAttributes(null, null, map(keysAndValues));
    }
}
