package io.accord.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One write through the API.")
public record AuditEventView(
        UUID id,
        @Schema(example = "2026-11-22T09:30:00Z") Instant at,
        @Schema(example = "apikey:3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String actor,
        @Schema(example = "api_key.created") String action,
        @Schema(example = "api_key") String resourceType,
        @Schema(example = "3f1c2a9e-8d4b-4e0f-9a52-7c1d2b3e4f50") String resourceId,
        @Schema(example = "Created API key 'crm-sync' with roles [integrator]") String summary) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.at, e.actor, e.action, e.resourceType, e.resourceId, e.summary);
    }
}
