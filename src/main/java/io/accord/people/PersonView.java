package io.accord.people;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Person", description = "A sales rep or manager: the person behind an owner id, with teams, own hours "
        + "and availability.")
public record PersonView(
        @Schema(example = "rep-1") String id,
        @Schema(example = "Ada Lovelace") String name,
        @Schema(example = "ada@example.com", nullable = true) String email,
        @Schema(example = "[\"dach-sales\"]") List<String> teams,
        @Schema(nullable = true) PersonRequest.Calendar calendar,
        @Schema(example = "true") boolean active,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "2026-11-22T09:30:00Z") Instant updatedAt) {
}
