package io.accord.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything an SLA alert about one clock needs: the lead (identity and company name), who owns it, the team's
 * manager (for escalation), the policy revision, the milestone and the deadlines. Read with
 * {@link SlaService#alertContexts}. Owner, team and tier are the clock's (they follow reassignment while it runs).
 */
public record ClockAlertContext(UUID clockId, UUID leadId, String source, String externalId, String companyName,
        String tier, String ownerId, String teamKey, String teamManagerId, String policyKey, int policyRevision,
        String milestone, String status, Instant startedAt, Instant warnAt, Instant dueAt, Instant escalateAt) {
}
