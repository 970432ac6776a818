package io.accord.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 1,000 leads. Items are kept as JSON trees and bound one by one, so an item of the wrong shape fails alone.
 */
@Schema(name = "BulkLeadRequest")
public record BulkLeadRequest(
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = LeadRequest.class, required = true, maxItems = 1000, minItems = 1)
        List<JsonNode> items) {
}
