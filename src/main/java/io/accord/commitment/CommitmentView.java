package io.accord.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A marketing commitment. */
@Schema(name = "Commitment")
public record CommitmentView(
        UUID id,
        @Schema(example = "emea-tier-b-weekly") String key,
        @Schema(example = "EMEA: 120 tier B or better a week") String name,
        @Schema(example = "emea-marketing") String teamKey,
        @Schema(example = "week", enumeration = {"week", "month", "quarter"}) String period,
        @Schema(example = "emea-office") String calendarKey,
        @Schema(example = "Europe/Berlin", description = "The calendar's zone, in which periods begin and end") String timeZone,
        @Schema(example = "handed_off", enumeration = {"handed_off", "accepted"}) String metric,
        @Schema(example = "B", nullable = true) String minTier,
        @Schema(example = "mid-market-saas", nullable = true) String icpKey,
        @Schema(example = "120") int target,
        @Schema(example = "2026-11-16") LocalDate startsOn,
        @Schema(example = "2026-11-16T09:00:00Z") Instant createdAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String createdBy,
        @Schema(example = "2026-11-16T09:00:00Z") Instant updatedAt) {
}
