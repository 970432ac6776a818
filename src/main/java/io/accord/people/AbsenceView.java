package io.accord.people;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Absence", description = "An out-of-office period `[startsAt, endsAt)` of a person: they are not "
        + "assigned leads while it lasts.")
public record AbsenceView(
        UUID id,
        @Schema(example = "rep-1") String personId,
        @Schema(example = "2026-12-21T00:00:00Z") Instant startsAt,
        @Schema(example = "2027-01-04T00:00:00Z") Instant endsAt,
        @Schema(example = "Holidays", nullable = true) String reason,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "api-key:ops", description = "Who recorded it; `accord:sla` when a breach marked the owner "
                + "unavailable") String createdBy) {
}
