package io.accord.icp;

import io.accord.common.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scores leads against an ICP. Stateless and thread safe.
 *
 * <p>Semantics: an attribute that is absent, null or a blank string is <em>missing</em>: its criterion never
 * matches (whatever the operator, including {@code not_in} and {@code exists}) and its path is listed once in
 * {@link Evaluation#missingAttributes()}. String comparisons trim and ignore case; two values that both parse as
 * numbers compare numerically. {@code eq}/{@code in} on a list match if any element matches, {@code not_in} if
 * none does (an empty list is present, so {@code not_in} matches it). {@code gte}/{@code lte}/{@code between}
 * need a number or numeric string. {@code contains_any} on a string looks for any keyword as a case-insensitive
 * substring, on a list for any element equal to a keyword; other actual types (numbers, booleans, maps) do not
 * match it. Maps never equal anything.
 *
 * <p>score = round_half_up(100 × matched weight ÷ total weight), in exact integer arithmetic. tier = the first tier
 * whose minScore ≤ score, null if none or if any required criterion did not match.
 *
 * <p>For throughput compile once with {@link #compile} and reuse the {@link CompiledIcp}.
 */
final class IcpEvaluator {

    private IcpEvaluator() {
    }

    /**
     * Validates and precompiles a definition.
     *
     * @throws IllegalArgumentException if {@link IcpRules#validate} reports errors
     */
    static CompiledIcp compile(IcpDefinition definition) {
        List<FieldError> errors = IcpRules.validate(definition);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid ICP definition: " + errors.stream()
                    .map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")));
        }
        return new CompiledIcp(definition);
    }

    /** Scores a lead against a precompiled ICP. */
    static Evaluation evaluate(CompiledIcp icp, LeadAttributes lead) {
        return icp.evaluate(lead);
    }

    /** Convenience: compiles and evaluates; prefer {@link #compile} when scoring many leads. */
    static Evaluation evaluate(IcpDefinition definition, LeadAttributes lead) {
        return compile(definition).evaluate(lead);
    }
}
