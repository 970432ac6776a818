package io.accord.icp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.common.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The results of a batch, in the order of its items. */
@Schema(name = "EvaluationBatch")
public record EvaluationBatchView(
        @Schema(description = "One entry per item, in order: `result` for a valid item, `problem` for an invalid one")
        List<ItemView> results) {

    @Schema(name = "EvaluationBatchItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(
            @Schema(description = "Position of the item in the request, from 0", example = "0") int index,
            @Schema(nullable = true) EvaluationView result,
            @Schema(description = "Why this item could not be evaluated (a validation-error problem)", nullable = true)
            Problem problem) {
    }
}
