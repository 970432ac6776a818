package io.accord.icp;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An explainable score of one lead against one ICP version. */
@Schema(name = "Evaluation", description = "score = round half up of 100 × matched weight ÷ total weight; tier = the "
        + "first tier whose minScore the score reaches, or null when none is reached or a required criterion failed.")
public record EvaluationView(
        @Schema(example = "mid-market-saas") String icpKey,
        @Schema(example = "3") int version,
        @Schema(description = "0 to 100", example = "75") int score,
        @Schema(example = "B", nullable = true) String tier,
        @Schema(description = "True when every required criterion matched", example = "true") boolean qualified,
        @Schema(description = "One result per criterion, in the version's order") List<CriterionResultView> criteria,
        @Schema(description = "Attribute paths the lead lacks (absent, null or blank), each once",
                example = "[\"company.annualRevenue\"]")
        List<String> missingAttributes) {

    @Schema(name = "CriterionResult")
    public record CriterionResultView(
            @Schema(example = "company.industry") String attribute,
            @Schema(example = "in") String operator,
            @Schema(example = "true") boolean matched,
            @Schema(example = "true") boolean required,
            @Schema(example = "30") int weight,
            @Schema(description = "The lead's value at the attribute path (any JSON), or null when missing",
                    example = "Software", nullable = true)
            Object actual) {
    }

    static EvaluationView of(String icpKey, int version, Evaluation e) {
        return new EvaluationView(icpKey, version, e.score(), e.tier(), e.qualified(),
                e.criteria().stream().map(c -> new CriterionResultView(c.attribute(), c.operator(), c.matched(),
                        c.required(), c.weight(), c.actual())).toList(),
                e.missingAttributes());
    }

    static EvaluationView of(IcpEvaluation e) {
        return of(e.icpKey(), e.version(), e.evaluation());
    }
}
