package io.accord.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates an API key, or replaces a key's name, roles and team. */
@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @NotBlank @Size(max = 100) @Schema(example = "crm-sync", required = true) String name,
        @NotEmpty @Size(max = 6)
        @Schema(example = "[\"integrator\"]", required = true,
                enumeration = {"admin", "marketing", "sales", "sales_manager", "integrator", "viewer"})
        List<@NotBlank @Pattern(regexp = "admin|marketing|sales|sales_manager|integrator|viewer",
                message = "must be one of: admin, marketing, sales, sales_manager, integrator, viewer") String> roles,
        @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lowercase slug")
        @Schema(example = "emea-sales", nullable = true, description = "An existing team's key (422 if none has it). "
                + "The key then writes only that team's leads: acting on a lead of another team is a 403, and a lead "
                + "it pushes without a team gets this one. Reads are not limited.") String teamKey) {
}
