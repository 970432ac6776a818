package io.accord.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a team ({@code key} required) or replaces one (the key in the path wins; a body key must match). */
@Schema(name = "TeamRequest")
public record TeamRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lowercase slug (a-z, 0-9, -)")
        @Schema(example = "emea-inbound", description = "Unique slug; required on create") String key,
        @NotBlank @Size(max = 200) @Schema(example = "EMEA inbound", required = true) String name,
        @NotNull @Pattern(regexp = "sales|marketing", message = "must be sales or marketing")
        @Schema(example = "sales", enumeration = {"sales", "marketing"}, required = true) String function,
        @Size(max = 200) @Schema(example = "u-1001", description = "The manager's user id in the caller's system; "
                + "receives escalations") String managerId,
        @Size(max = 1000) @Schema(example = "[\"u-2001\", \"u-2002\"]", description = "Members' user ids")
        List<@NotBlank @Size(max = 200) String> members,
        @Size(max = 64) @Schema(example = "emea-sales", description = "An existing business calendar's key")
        String calendarKey,
        @Pattern(regexp = "keep_running|pause", message = "must be keep_running or pause")
        @Schema(example = "pause", enumeration = {"keep_running", "pause"}, nullable = true, description = "What the "
                + "SLA clocks of an absent owner (`/api/v1/people/{id}/absences`) do: keep running (default), or pause "
                + "while the owner is absent; applies to clocks started while it is set") String ownerAbsence) {
}
