package io.accord.icp;

import java.math.BigDecimal;
import java.util.List;

/**
 * One weighted rule of an ICP. Which operands are used depends on the operator:
 * {@code eq}, {@code gte}, {@code lte} use {@code value}; {@code in}, {@code not_in}, {@code contains_any}
 * use {@code values}; {@code between} uses {@code min} and {@code max}; {@code exists} uses none
 * (see {@link IcpRules}).
 *
 * <p>A null {@code values} becomes an empty list (null entries are kept so that validation can report them);
 * a null {@code required} becomes {@code false}.
 */
public record Criterion(String attribute, Operator operator, List<String> values, String value,
                        BigDecimal min, BigDecimal max, Integer weight, Boolean required) {

    public Criterion {
        values = Values.copyList(values);
        required = Boolean.TRUE.equals(required);
    }
}
