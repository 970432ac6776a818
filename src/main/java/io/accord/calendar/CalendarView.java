package io.accord.calendar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Calendar", description = "Business hours per weekday in an IANA time zone, plus holidays.")
public record CalendarView(
        UUID id,
        @Schema(example = "emea-sales") String key,
        @Schema(example = "EMEA sales") String name,
        @Schema(example = "Europe/Berlin") String timeZone,
        List<CalendarRequest.Hours> hours,
        List<CalendarRequest.Holiday> holidays,
        @Schema(description = "Business time in a week without holidays", example = "PT40H") String weeklyBusinessTime,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-22T09:30:00Z") Instant updatedAt) {
}
