package io.accord.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.common.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkLeadResult", description = "One result per item, in request order.")
public record BulkLeadResult(
        @Schema(example = "998") int created,
        @Schema(example = "1") int updated,
        @Schema(example = "1") int failed,
        List<Item> results) {

    @Schema(name = "BulkLeadItemResult")
    public record Item(
            @Schema(example = "0") int index,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent when the item failed") UUID id,
            @Schema(example = "created", enumeration = {"created", "updated", "failed"}) String outcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why the item failed")
            Problem problem) {
    }
}
