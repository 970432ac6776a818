package io.accord.calendar;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the business-time endpoints. Durations are ISO 8601, instants RFC 3339 UTC. */
final class CalendarAnswers {

    private CalendarAnswers() {
    }

    @Schema(name = "DueDate")
    public record DueDate(
            @Schema(example = "2026-11-20T16:00:00Z") Instant start,
            @Schema(example = "PT4H") String duration,
            @Schema(example = "2026-11-23T11:00:00Z") Instant due) {
    }

    @Schema(name = "BusinessTime")
    public record BusinessTime(
            @Schema(example = "2026-11-20T16:00:00Z") Instant from,
            @Schema(example = "2026-11-23T11:00:00Z") Instant to,
            @Schema(example = "PT4H") String duration) {
    }

    @Schema(name = "OpenState")
    public record OpenState(
            @Schema(example = "2026-11-22T09:30:00Z") Instant at,
            @Schema(example = "false") boolean open,
            @Schema(description = "When `open` next flips; null when it never does within 10 years", nullable = true,
                    example = "2026-11-23T08:00:00Z") Instant nextChange) {
    }
}
