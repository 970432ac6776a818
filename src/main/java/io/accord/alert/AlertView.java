package io.accord.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert with everything a receiver needs, without a second call. */
@Schema(name = "Alert")
public record AlertView(
        UUID id,
        @Schema(example = "sla.breached", enumeration = {"sla.warning", "sla.breached", "sla.escalated",
            "commitment.at_risk", "commitment.missed", "commitment.met", "webhook.disabled", "icp.drift"}) String kind,
        @Schema(example = "open", enumeration = {"open", "acknowledged", "resolved"}) String status,
        @Schema(nullable = true, enumeration = {"met_late", "cancelled", "manual"}) String resolution,
        @Schema(nullable = true) UUID clockId,
        @Schema(nullable = true) UUID leadId,
        @Schema(nullable = true, example = "webinar") String source,
        @Schema(nullable = true, example = "hs-0012345") String externalId,
        @Schema(nullable = true, example = "Acme GmbH") String companyName,
        @Schema(nullable = true, example = "A") String tier,
        @Schema(nullable = true, example = "rep-42") String ownerId,
        @Schema(nullable = true, example = "emea-sales") String teamKey,
        @Schema(nullable = true, description = "The team's manager; set on escalations", example = "mgr-7") String managerId,
        @Schema(nullable = true, example = "tier-a-emea") String policyKey,
        @Schema(nullable = true, example = "3") Integer policyRevision,
        @Schema(nullable = true, example = "first_touch") String milestone,
        @Schema(nullable = true, example = "2026-11-23T11:00:00Z") Instant dueAt,
        @Schema(example = "2026-11-23T11:00:01Z") Instant detectedAt,
        @Schema(nullable = true, example = "/api/v1/leads/5b0c1f0e-4a43-4c0d-9a55-2f5b8c0e9d11") String leadLink,
        Map<String, Object> details,
        @Schema(nullable = true) Instant acknowledgedAt,
        @Schema(nullable = true) String acknowledgedBy,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true) String resolvedBy,
        @Schema(nullable = true) String comment,
        Instant createdAt) {
}
