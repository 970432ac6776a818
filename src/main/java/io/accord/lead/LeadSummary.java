package io.accord.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * What other features read about a lead (SLA preview and alerts): identity, company name, routing and fit.
 *
 * @param companyName {@code company.name} when it is a string, else null
 */
public record LeadSummary(UUID id, String source, String externalId, String companyName, String status,
        String ownerId, String teamKey, String country, LeadFit fit, UUID handoffId, Instant handedOffAt) {

    public String tier() {
        return fit == null ? null : fit.tier();
    }

    public String icpKey() {
        return fit == null ? null : fit.icpKey();
    }
}
