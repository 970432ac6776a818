package io.accord.icp;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead evaluated against every active ICP. */
@Schema(name = "EvaluationList")
public record EvaluationListView(
        @Schema(description = "One result per active ICP, highest score first, ties by ICP key")
        List<EvaluationView> items) {
}
