package io.accord.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a calendar ({@code key} required) or replaces one (the key in the path wins; a body key must match). */
@Schema(name = "CalendarRequest")
public record CalendarRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lowercase slug (a-z, 0-9, -)")
        @Schema(example = "emea-sales", description = "Unique slug; required on create") String key,
        @NotBlank @Size(max = 200) @Schema(example = "EMEA sales", required = true) String name,
        @NotBlank @Schema(example = "Europe/Berlin", required = true, description = "IANA time zone name") String timeZone,
        @NotNull @Size(max = 200) @Schema(required = true) List<@NotNull @Valid Hours> hours,
        @Size(max = 1000) List<@NotNull @Valid Holiday> holidays) {

    /** One business interval of a weekday, {@code [start, end)} in local time. */
    @Schema(name = "BusinessHours")
    public record Hours(
            @Schema(example = "monday", enumeration = {"monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday"}) String day,
            @Schema(example = "09:00", description = "HH:MM, 00:00 to 23:59") String start,
            @Schema(example = "12:30", description = "HH:MM, after start; 24:00 means the end of the day") String end) {
    }

    /** A local date without business time. */
    @Schema(name = "Holiday")
    public record Holiday(
            @Schema(example = "2026-12-25") String date,
            @Size(max = 200) @Schema(example = "Christmas Day") String name) {
    }
}
