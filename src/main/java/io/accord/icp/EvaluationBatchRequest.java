package io.accord.icp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to {@value IcpScoring#MAX_BATCH} leads. Items are bound as raw JSON so that one malformed item gets its own
 * problem instead of failing the whole batch.
 */
@Schema(name = "EvaluationBatchRequest")
public record EvaluationBatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = LeadAttributesRequest.class, required = true,
                description = "1 to 1000 leads, each like the body of POST /api/v1/icps/{key}/evaluate")
        List<JsonNode> items) {
}
