package io.accord.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The bounds the code enforces on request fields that carry no Bean Validation annotation (the rules classes check
 * them: {@code IcpRules}, {@code SlaPolicyRules}, {@code LeadIntakeRules}, {@code IcpScoring}, {@code LeadIntake}),
 * declared in the contract. A key that refers to another resource gets the longest key that can exist (64), so a
 * longer one can never be valid.
 */
final class OpenApiBounds {

    private static final int KEY = 64;
    private static final int USER_ID = 200;

    private OpenApiBounds() {
    }

    static void apply(Map<String, Schema> schemas) {
        set(schemas.get("UUID"), 36, null);
        set(schemas.get("Instant"), 40, null);
        set(schemas.get("LocalDate"), 10, null);

        text(schemas, "BusinessHours", "start", 5).pattern("^[0-9]{2}:[0-9]{2}$");
        text(schemas, "BusinessHours", "end", 5).pattern("^[0-9]{2}:[0-9]{2}$");
        text(schemas, "CalendarRequest", "timeZone", KEY);
        text(schemas, "Holiday", "date", 10).format("date");
        text(schemas, "CommitmentRequest", "calendarKey", KEY);
        text(schemas, "CommitmentRequest", "teamKey", KEY);

        text(schemas, "Criterion", "attribute", 200);
        text(schemas, "Criterion", "value", 1000);
        items(schemas, "Criterion", "values", 1000).getItems().maxLength(1000);
        text(schemas, "Tier", "label", 32);
        for (String request : List.of("IcpVersionRequest", "IcpVersionChangeRequest")) {
            items(schemas, request, "criteria", 100);
            items(schemas, request, "tiers", 101); // minScore strictly falls within 0..100
        }
        integer(schemas, "IcpVersionRequest", "fromVersion", 1, Integer.MAX_VALUE);
        items(schemas, "EvaluationBatchRequest", "items", 1000);
        items(schemas, "BulkLeadRequest", "items", 1000);

        text(schemas, "LeadRequest", "source", 100);
        text(schemas, "LeadRequest", "externalId", 200);
        text(schemas, "LeadRequest", "ownerId", USER_ID);
        text(schemas, "LeadRequest", "teamKey", KEY);

        text(schemas, "SlaPolicyRequest", "key", KEY);
        text(schemas, "SlaPolicyRequest", "name", 200);
        text(schemas, "SlaPolicyRequest", "calendarKey", KEY);
        integer(schemas, "SlaPolicyRequest", "priority", -1_000_000, 1_000_000);
        items(schemas, "SlaPolicyRequest", "milestones", 5);
        for (String list : List.of("tiers", "icpKeys", "sources", "countries", "teamKeys")) {
            items(schemas, "SlaPolicyConditions", list, 100).getItems().maxLength(200);
        }
        text(schemas, "SlaMilestone", "target", 64);
        text(schemas, "SlaMilestone", "escalateAfter", 64);
        integer(schemas, "SlaMilestone", "attempts", 1, 100);
        text(schemas, "SlaReassign", "pool", KEY);
        integer(schemas, "SlaReassign", "excludePrevious", 1, 20);
        text(schemas, "SlaReassign", "markOwnerUnavailableFor", 64);

        items(schemas, "WebhookFilters", "teamKeys", 100).getItems().maxLength(KEY);
        items(schemas, "WebhookFilters", "tiers", 10).getItems().maxLength(32);
        Schema eventTypes = items(schemas, "WebhookRequest", "eventTypes", 20).getItems();
        eventTypes.setPattern(null);
        eventTypes.setEnumeration(List.of("sla.warning", "sla.breached", "sla.escalated", "commitment.at_risk",
                "commitment.missed", "commitment.met", "webhook.disabled", "icp.drift", "alert.acknowledged", "alert.resolved"));
    }

    private static Schema property(Map<String, Schema> schemas, String schema, String property) {
        Schema owner = schemas.get(schema);
        Schema found = owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
        if (found == null) {
            throw new IllegalStateException("OpenApiBounds: no property " + schema + "." + property);
        }
        return found;
    }

    private static Schema text(Map<String, Schema> schemas, String schema, String property, int maxLength) {
        Schema found = property(schemas, schema, property);
        set(found, maxLength, null);
        return found;
    }

    private static Schema items(Map<String, Schema> schemas, String schema, String property, int maxItems) {
        Schema found = property(schemas, schema, property);
        found.setMaxItems(maxItems);
        if (found.getItems() == null) {
            found.setItems(OASFactory.createSchema());
        }
        return found;
    }

    private static void integer(Map<String, Schema> schemas, String schema, String property, long min, long max) {
        Schema found = property(schemas, schema, property);
        found.setMinimum(BigDecimal.valueOf(min));
        found.setMaximum(BigDecimal.valueOf(max));
    }

    private static void set(Schema schema, int maxLength, String pattern) {
        if (schema != null && schema.getMaxLength() == null) {
            schema.setMaxLength(maxLength);
            if (pattern != null) {
                schema.setPattern(pattern);
            }
        }
    }
}
