package io.accord.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The columns of a new alert row, as an {@link AlertDraft} fills them (what does not apply is null). */
record AlertColumns(String kind, String subject, UUID clockId, UUID leadId, String source, String externalId,
        String companyName, String ownerId, String teamKey, String tier, String managerId, String policyKey,
        Integer policyRevision, String milestone, Instant dueAt, Map<String, Object> details) {
}
