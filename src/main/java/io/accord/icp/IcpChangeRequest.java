package io.accord.icp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces an ICP's name and description; the key never changes. */
@Schema(name = "IcpChangeRequest")
public record IcpChangeRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Mid-market SaaS (EU)", required = true, maxLength = 200) String name,
        @Size(max = 2000) @Schema(example = "Software companies with 200-2000 employees in the EU", nullable = true,
                maxLength = 2000)
        String description) {
}
