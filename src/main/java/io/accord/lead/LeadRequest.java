package io.accord.lead;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One lead pushed by marketing or an integrator. Validated by {@link LeadIntakeRules} (not bean validation), so that
 * a bulk push reports each bad item on its own without failing the others.
 */
@Schema(name = "LeadRequest")
public record LeadRequest(
        @Schema(example = "hubspot", required = true, description = "Where the lead comes from; with `externalId` "
                + "it identifies the lead") String source,
        @Schema(example = "contact-48151623", required = true, description = "The lead's id in the source") String externalId,
        @Schema(example = "{\"name\": \"Acme GmbH\", \"country\": \"DE\", \"industry\": \"software\", \"employees\": 250}",
                description = "Company attributes; `country` (ISO 3166-1 alpha-2) is used by SLA policy conditions")
        Map<String, Object> company,
        @Schema(example = "{\"name\": \"Ada Weber\", \"email\": \"ada@acme.example\", \"title\": \"CTO\"}")
        Map<String, Object> contact,
        @Schema(example = "{\"campaign\": \"webinar-2026-11\"}") Map<String, Object> custom,
        @Schema(example = "new", enumeration = {"new", "mql"}, description = "`mql` hands the lead off to sales at once "
                + "(SLA clocks start); default `new`") String status,
        @Schema(example = "u-2001", description = "Owner's user id in the caller's system") String ownerId,
        @Schema(example = "emea-inbound", description = "An existing team's key") String teamKey) {
}
