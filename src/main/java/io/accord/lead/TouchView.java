package io.accord.lead;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Touch", description = "A contact sales made with a lead.")
public record TouchView(
        UUID id,
        UUID leadId,
        @Schema(example = "call", enumeration = {"call", "email", "meeting", "social", "other"}) String kind,
        @Schema(example = "2026-11-20T16:30:00Z") Instant occurredAt,
        @Schema(example = "u-2001") String actorId,
        @Schema(example = "Left a voicemail", nullable = true) String note,
        @Schema(example = "2026-11-20T16:31:02Z") Instant createdAt) {
}
