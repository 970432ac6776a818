package io.accord.team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Team", description = "A sales or marketing team: who owns leads and who receives escalations.")
public record TeamView(
        UUID id,
        @Schema(example = "emea-inbound") String key,
        @Schema(example = "EMEA inbound") String name,
        @Schema(example = "sales", enumeration = {"sales", "marketing"}) String function,
        @Schema(example = "u-1001", nullable = true) String managerId,
        @Schema(example = "[\"u-2001\", \"u-2002\"]") List<String> members,
        @Schema(example = "emea-sales", nullable = true) String calendarKey,
        @Schema(example = "keep_running", enumeration = {"keep_running", "pause"}, description = "What the SLA "
                + "clocks of an absent owner do") String ownerAbsence,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-22T09:30:00Z") Instant updatedAt) {
}
