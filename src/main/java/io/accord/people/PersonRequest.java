package io.accord.people;

import io.accord.calendar.CalendarRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a person ({@code id} required) or replaces one (the id in the path wins; a body id must match). */
@Schema(name = "PersonRequest")
public record PersonRequest(
        @Size(max = 200) @Pattern(regexp = PersonRequest.ID, message = "must be 1 to 200 letters, digits, '.', '_', '@' "
                + "or '-', starting with a letter or digit")
        @Schema(example = "rep-1", description = "The owner id leads carry (`ownerId`); required on create")
        String id,
        @NotBlank @Size(max = 200) @Schema(example = "Ada Lovelace", required = true) String name,
        @Size(max = 320) @Email(message = "must be an e-mail address")
        @Schema(example = "ada@example.com", description = "Where digests are sent", nullable = true) String email,
        @Size(max = 100) @Schema(example = "[\"dach-sales\"]", description = "Keys of existing teams the person belongs "
                + "to; a team is an assignment pool for `onBreach.reassign`")
        List<@NotBlank @Size(max = 64) String> teams,
        @Valid @Schema(description = "Own working hours; without them the person follows the team's calendar",
                nullable = true) Calendar calendar,
        @Schema(example = "true", description = "Default true; inactive people are never assigned") Boolean active) {

    /** Letters, digits and {@code . _ @ -}: safe in a path segment. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._@-]*";

    /** A personal calendar: an IANA zone and weekly hours, several blocks a day. */
    @Schema(name = "PersonCalendar")
    public record Calendar(
            @NotBlank @Size(max = 64) @Schema(example = "Europe/Berlin", required = true,
                    description = "IANA time zone name") String timeZone,
            @NotNull @Size(max = 200) @Schema(required = true, description = "Weekly intervals `[start, end)` in "
                    + "local time; intervals of one day must not overlap")
            List<CalendarRequest.@NotNull @Valid Hours> hours) {
    }
}
