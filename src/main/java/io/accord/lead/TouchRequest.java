package io.accord.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TouchRequest")
public record TouchRequest(
        @NotNull @Pattern(regexp = "call|email|meeting|social|other", message = "must be one of: call, email, meeting, social, other")
        @Schema(example = "call", required = true, enumeration = {"call", "email", "meeting", "social", "other"}) String kind,
        @NotNull @Schema(example = "2026-11-20T16:30:00Z", required = true, description = "When it happened; at most "
                + "one minute in the future (clock skew)") Instant occurredAt,
        @NotBlank @Size(max = 200) @Schema(example = "u-2001", required = true, description = "Who made the touch "
                + "(a user id in the caller's system)") String actorId,
        @Size(max = 4000) @Schema(example = "Left a voicemail") String note) {
}
