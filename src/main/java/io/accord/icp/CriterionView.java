package io.accord.icp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One weighted criterion, in requests and responses. Operands not used by the operator are left out. */
@Schema(name = "Criterion", description = "A weighted rule over one lead attribute. Which operands apply depends on "
        + "`operator`: `eq` uses `value`; `gte`/`lte` a numeric `value`; `in`, `not_in`, `contains_any` use `values`; "
        + "`between` uses `min` and `max` (inclusive); `exists` none. An operand the operator does not use is refused.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CriterionView(
        @Schema(description = "Dot path under `company`, `contact` or `custom`", example = "company.industry",
                required = true)
        String attribute,
        @Schema(example = "in", required = true,
                enumeration = {"eq", "in", "not_in", "gte", "lte", "between", "contains_any", "exists"})
        Operator operator,
        @Schema(example = "[\"software\", \"saas\"]", nullable = true) List<String> values,
        @Schema(example = "200", nullable = true) String value,
        @Schema(example = "200", nullable = true) BigDecimal min,
        @Schema(example = "2000", nullable = true) BigDecimal max,
        @Schema(description = "1 to 100", example = "30", required = true, minimum = "1", maximum = "100") Integer weight,
        @Schema(description = "A lead that fails a required criterion is not qualified and gets no tier",
                example = "true", defaultValue = "false")
        Boolean required) {

    Criterion toCriterion() {
        return new Criterion(attribute, operator, values, value, min, max, weight, required);
    }

    static CriterionView of(Criterion c) {
        return c == null ? null
                : new CriterionView(c.attribute(), c.operator(), c.values(), c.value(), c.min(), c.max(), c.weight(),
                        c.required());
    }
}
