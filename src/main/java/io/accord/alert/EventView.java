package io.accord.alert;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of the global sequence; {@code id} is its position, usable as {@code after} and as Last-Event-ID. */
@Schema(name = "Event")
public record EventView(
        @Schema(example = "1042") String id,
        @Schema(example = "alert.created", enumeration = {"alert.created", "alert.acknowledged", "alert.resolved",
            "lead.reassigned"}) String type,
        @Schema(example = "2026-11-23T11:00:01Z") Instant at,
        @Schema(implementation = AlertView.class, description = "The alert as it was after the event; for "
                + "`lead.reassigned`, the reassignment (`LeadReassignment`)") @JsonRawValue String data) {
}
