package io.accord.people;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An out-of-office period {@code [startsAt, endsAt)}. */
@Schema(name = "AbsenceRequest")
public record AbsenceRequest(
        @NotNull @Schema(example = "2026-12-21T00:00:00Z", required = true) Instant startsAt,
        @NotNull @Schema(example = "2027-01-04T00:00:00Z", required = true, description = "After `startsAt`")
        Instant endsAt,
        @Size(max = 500) @Schema(example = "Holidays", nullable = true) String reason) {
}
