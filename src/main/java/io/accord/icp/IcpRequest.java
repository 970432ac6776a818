package io.accord.icp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates an ICP. Its content comes later, in versions. */
@Schema(name = "IcpRequest")
public record IcpRequest(
        @NotBlank @Size(max = 63)
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?", message = "must be a lowercase slug: a-z, 0-9 and inner dashes")
        @Schema(description = "Unique, lowercase slug; cannot change later. `evaluate` is reserved.",
                example = "mid-market-saas", required = true, maxLength = 63)
        String key,
        @NotBlank @Size(max = 200) @Schema(example = "Mid-market SaaS", required = true, maxLength = 200) String name,
        @Size(max = 2000)
        @Schema(example = "Software companies with 200-2000 employees in the EU, bought by the CTO's staff", nullable = true,
                maxLength = 2000)
        String description) {
}
