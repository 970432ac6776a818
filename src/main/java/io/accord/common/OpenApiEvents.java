package io.accord.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the generator cannot see: the events of the live alert stream ({@code text/event-stream}) and the payloads
 * Accord pushes to webhook subscribers (the OpenAPI 3.1 {@code webhooks} section), as {@code AlertStreams},
 * {@code WebhookSender} and {@code SlackText} write them.
 */
final class OpenApiEvents {

    static final List<Object> ALERT_EVENTS = List.of("alert.created", "alert.acknowledged", "alert.resolved",
            "lead.reassigned");

    private OpenApiEvents() {
    }

    static void describe(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("Alert")) {
            return;
        }
        openAPI.getComponents().addSchema("LeadReassignment", leadReassignment());
        Schema event = schemas.get("Event");
        if (event != null && event.getProperties() != null && event.getProperties().containsKey("data")) {
            event.addProperty("data", OASFactory.createSchema().oneOf(List.of(ref("Alert"), ref("LeadReassignment")))
                    .description("The alert as it was after the event; for `lead.reassigned`, the reassignment"));
        }
        openAPI.getComponents().addSchema("AlertStreamEvent", streamEvent());
        openAPI.getComponents().addSchema("WebhookAlertEvent", webhookEvent());
        openAPI.getComponents().addSchema("WebhookPingEvent", pingEvent());
        openAPI.getComponents().addSchema("SlackMessage", slackMessage());
        stream(openAPI);
        openAPI.setWebhooks(webhooks());
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema streamEvent() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("id", string(19).pattern("^[0-9]{1,19}$")
                .description("The event's position in the global sequence; reconnect with it as `Last-Event-ID`"));
        properties.put("event", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(ALERT_EVENTS));
        properties.put("data", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(65_536)
                .contentMediaType("application/json")
                .contentSchema(OASFactory.createSchema().oneOf(List.of(ref("Alert"), ref("LeadReassignment"))))
                .description("The alert as it was after the event (`lead.reassigned`: the reassignment), as JSON on one "
                        + "line"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(properties)
                .required(List.of("id", "event", "data"))
                .description("One server-sent event of the alert stream, written as `id:`, `event:` and `data:` lines "
                        + "followed by a blank line, for example `id: 1042` / `event: alert.created` / "
                        + "`data: {\"id\": \"…\", \"kind\": \"sla.breached\", …}`. Idle streams get a `: heartbeat` comment "
                        + "line.");
    }

    private static Schema webhookEvent() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(ALERT_EVENTS));
        properties.put("timestamp", string(40).format("date-time").description("When the event happened"));
        properties.put("data", OASFactory.createSchema().oneOf(List.of(ref("Alert"), ref("LeadReassignment")))
                .description("The alert as it was after the event; for `lead.reassigned`, the reassignment"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(properties)
                .required(List.of("type", "timestamp", "data"))
                .description("The body of a `standard` webhook delivery");
    }

    /** The data of a {@code lead.reassigned} event, as {@code sla.Reassigner} writes it. */
    private static Schema leadReassignment() {
        Map<String, Schema> p = new LinkedHashMap<>();
        p.put("leadId", string(36).format("uuid"));
        p.put("previousOwnerId", string(200).description("Who had the lead and let its clock breach"));
        p.put("ownerId", string(200).description("Who has it now"));
        p.put("teamKey", string(64).description("The lead's team"));
        p.put("pool", string(64).description("The team whose members were the candidates"));
        p.put("strategy", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.of("round_robin", "least_loaded")));
        p.put("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue("sla.breached"));
        p.put("milestone", string(32));
        p.put("policyKey", string(64));
        p.put("policyRevision", OpenApiConventions.integer(1, Integer.MAX_VALUE));
        p.put("clockId", string(36).format("uuid").description("The breached clock, now `reassigned`"));
        p.put("newClockId", string(36).format("uuid").description("The new owner's clock"));
        p.put("newDueAt", string(40).format("date-time"));
        p.put("at", string(40).format("date-time"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(p)
                .required(List.of("leadId", "previousOwnerId", "ownerId", "pool", "strategy", "reason", "milestone",
                        "clockId", "newClockId", "newDueAt", "at"))
                .description("A lead handed to another owner because its SLA clock breached (`onBreach.reassign`)");
    }

    private static Schema pingEvent() {
        Map<String, Schema> data = new LinkedHashMap<>();
        data.put("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue("ping from Accord"));
        data.put("at", string(40).format("date-time"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue("webhook.ping"));
        properties.put("timestamp", string(40).format("date-time"));
        properties.put("data", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(data)
                .required(List.of("message", "at")));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).properties(properties)
                .required(List.of("type", "timestamp", "data"))
                .description("The body of `POST /api/v1/webhooks/{key}/ping`");
    }

    private static Schema slackMessage() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("text", string(4000).description("One line: what happened, the company, the "
                        + "milestone, the owner, the due time and a link to the lead")))
                .required(List.of("text"))
                .description("The body of a `slack` webhook delivery (a Slack incoming-webhook message)");
    }

    private static void stream(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/alerts/stream");
        Operation operation = item == null ? null : item.getGET();
        if (operation == null) {
            return;
        }
        operation.getResponses().removeAPIResponse("204");
        APIResponse ok = OASFactory.createAPIResponse()
                .description("The stream: first the events after `Last-Event-ID` (or `after`), then new ones as they "
                        + "happen")
                .content(OASFactory.createContent().addMediaType("text/event-stream",
                        OASFactory.createMediaType().schema(ref("AlertStreamEvent"))));
        Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> rest =
                new LinkedHashMap<>(operation.getResponses().getAPIResponses());
        operation.getResponses().setAPIResponses(new LinkedHashMap<>());
        operation.getResponses().addAPIResponse("200", ok);
        rest.forEach((status, response) -> operation.getResponses().addAPIResponse(status, response));
    }

    private static Map<String, PathItem> webhooks() {
        Map<String, PathItem> hooks = new LinkedHashMap<>();
        hooks.put("alertEvent", webhook("alertEvent", "An alert event",
                "Sent for each alert event a subscription selects (`eventTypes`, `filters`), at least once and in order "
                        + "per subscription. Every delivery of one event has the same `webhook-id`, so receivers can "
                        + "drop duplicates. A `2xx` answer confirms the delivery; anything else (or no answer within "
                        + "the timeout) is retried with backoff, honouring `Retry-After`.",
                OASFactory.createSchema().oneOf(List.of(ref("WebhookAlertEvent"), ref("SlackMessage")))));
        hooks.put("webhookPing", webhook("webhookPing", "A test delivery",
                "Sent once by `POST /api/v1/webhooks/{key}/ping`; its answer is reported back, it is never retried.",
                ref("WebhookPingEvent")));
        return hooks;
    }

    private static PathItem webhook(String operationId, String summary, String description, Schema body) {
        Operation operation = OASFactory.createOperation().operationId(operationId).summary(summary)
                .description(description).tags(List.of("Webhooks"))
                .parameters(List.of(
                        header("webhook-id", "The message id, stable across retries of one event", string(200)),
                        header("webhook-timestamp", "Unix time in seconds when this attempt was signed",
                                OpenApiConventions.integer(0, Long.MAX_VALUE)),
                        header("webhook-signature", "Standard Webhooks signatures: space-separated `v1,<base64 "
                                + "HMAC-SHA256 of id.timestamp.body>`, one per valid secret (two during a rotation)",
                                string(1000).pattern("^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$"))))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(body))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Received (any `2xx`)"))
                        .addAPIResponse("default", OASFactory.createAPIResponse()
                                .description("Not received: the delivery is retried")));
        operation.setSecurity(List.of());
        return OASFactory.createPathItem().POST(operation);
    }

    private static Parameter header(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(schema);
    }
}
