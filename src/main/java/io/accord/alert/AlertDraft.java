package io.accord.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert a detector wants to raise. {@code subject} identifies what it is about (a clock id, a commitment period,
 * a webhook); at most one alert exists per subject and kind.
 */
public record AlertDraft(String kind, String subject, UUID clockId, UUID leadId, String source, String externalId,
        String companyName, String ownerId, String teamKey, String tier, String managerId, String policyKey,
        Integer policyRevision, String milestone, Instant dueAt, Map<String, Object> details) {
}
