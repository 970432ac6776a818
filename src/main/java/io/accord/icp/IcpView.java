package io.accord.icp;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ICP as the API shows it. */
@Schema(name = "Icp")
public record IcpView(
        @Schema(example = "0b6a1f7e-3c2d-4e5f-8a9b-1c2d3e4f5a6b") UUID id,
        @Schema(example = "mid-market-saas") String key,
        @Schema(example = "Mid-market SaaS") String name,
        @Schema(example = "Software companies with 200-2000 employees in the EU", nullable = true) String description,
        @Schema(description = "Number of the version leads are scored against; null when none is active (never "
                + "activated, or retired)", example = "3", nullable = true)
        Integer activeVersion,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String createdBy,
        @Schema(description = "Last change of the name, the description or the active version",
                example = "2026-11-23T14:05:00Z")
        Instant updatedAt,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String updatedBy) {

    static IcpView of(Icp icp, Integer activeVersion) {
        return new IcpView(icp.id, icp.key, icp.name, icp.description, activeVersion, icp.createdAt, icp.createdBy,
                icp.updatedAt, icp.updatedBy);
    }
}
