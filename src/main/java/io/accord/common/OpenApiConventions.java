package io.accord.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Applies the API conventions to the generated description, so that no operation can forget them: the security
 * schemes and each operation's roles (also as {@code x-roles}), the server, typed parameters, every problem response
 * an operation can give with its media type, the response headers the service sends ({@code ETag}, {@code Location},
 * {@code Idempotency-Replayed}, {@code Retry-After}, the rate-limit headers, CORS), {@code Idempotency-Key} on
 * creating POSTs, enums on array items and anchored patterns. The live stream and webhook payloads are described by
 * {@link OpenApiEvents}. Lint rules: {@code openapi/README.md}.
 *
 * <p>It runs once, at build time: the description depends on nothing known only at run time, and filtering it at
 * start-up cost about a second of every start.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String CORS_ORIGIN = "Access-Control-Allow-Origin";

    private static final Map<String, String> COMMON = new LinkedHashMap<>();
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    static {
        COMMON.put("400", "Malformed JSON, unknown field, wrong type, or invalid query parameter");
        COMMON.put("401", "No credentials, or invalid ones");
        COMMON.put("403", "The caller lacks a role this operation requires");
        COMMON.put("429", "Rate limit exceeded; see `Retry-After`");
        COMMON.put("500", "Unexpected failure; the problem carries a `correlationId`");
        COMMON.put("503", "The database is unavailable for the moment (it is restarting, or a connection to it was "
                + "cut), or a concurrent change got in the way; retry after `Retry-After` seconds");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        securitySchemes(components);
        headers(components);
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("The deployment that serves this description (local, staging or production): paths are "
                        + "relative to it")
                .addExtension("x-internal", false))));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(OpenApiConventions::tidy);
            OpenApiBounds.apply(components.getSchemas());
        }
        OpenApiEvents.describe(openAPI);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.getOperations().values().forEach(OpenApiRuntimeResponses::apply);
                item.getOperations().forEach((method, operation) -> apply(path, method, operation));
            });
        }
        OpenApiSchemas.apply(openAPI);
    }

    private static void securitySchemes(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put("ApiKey", OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key from `POST /api/v1/api-keys`, sent as `X-API-Key: <key>`. "
                        + "`Authorization: ApiKey <key>` works the same way."));
        schemes.put("Bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("An OIDC/JWT access token (a JWS; validation follows RFC8725: the algorithm is fixed by the "
                        + "verification key, `none` is refused, `iss` and expiry are checked); roles are read from the "
                        + "`groups` claim."));
        components.setSecuritySchemes(schemes);
    }

    private static void headers(Components components) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", header("The resource's version; send it back in `If-Match` to change the resource",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(64).pattern("^(W/)?\"[0-9]+\"$")));
        headers.put("Location", header("The created resource",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference").maxLength(2048)));
        headers.put("Idempotency-Replayed", header("`true` when this is the stored first response to an earlier request "
                + "with the same `Idempotency-Key`", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.of("true"))));
        headers.put("Retry-After", header("Seconds to wait before retrying",
                integer(1, 86_400)));
        headers.put(RATE_LIMIT_LIMIT, header("Requests the caller may make at once on this replica (the burst)",
                integer(1, Integer.MAX_VALUE)));
        headers.put(RATE_LIMIT_REMAINING, header("Requests left before the caller is limited",
                integer(0, Integer.MAX_VALUE)));
        headers.put(RATE_LIMIT_RESET, header("Seconds until the caller's allowance is full again",
                integer(0, Integer.MAX_VALUE)));
        headers.put(CORS_ORIGIN, header("The calling origin, sent only when CORS is enabled for it "
                + "(`accord.cors.origins`)", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2048)));
        components.setHeaders(headers);
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    static Schema integer(long min, long max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(max > Integer.MAX_VALUE ? "int64" : "int32")
                .minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static void apply(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = new ArrayList<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                requirement.getSchemes().values().forEach(scopes -> scopes.stream()
                        .filter(r -> !roles.contains(r)).forEach(roles::add));
            }
        }
        operation.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme("ApiKey", roles),
                OASFactory.createSecurityRequirement().addScheme("Bearer", roles))));
        operation.addExtension("x-roles", roles);

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean creates = responses.hasAPIResponse("201");
        boolean idempotent = creates && parameter(operation, Idempotency.HEADER) != null;
        Parameter ifMatch = parameter(operation, "If-Match");
        COMMON.forEach((status, description) -> addProblem(responses, status, description));
        if (path.contains("{")) {
            addProblem(responses, "404", "No such resource");
        }
        if (operation.getRequestBody() != null) {
            addProblem(responses, "413", "The body is too large");
            addProblem(responses, "415", "The body is not `application/json`");
            addProblem(responses, "422", "The body is invalid; `errors` names each field");
        }
        if (WRITES.contains(method)) {
            addProblem(responses, "409", "Conflicts with the current state: a duplicate key, a resource still in use, "
                    + "or an action the resource's state does not allow");
        }
        if (idempotent) {
            addProblem(responses, "422", "The `Idempotency-Key` was already used with a different request");
        }
        if (ifMatch != null) {
            addProblem(responses, "412", "`If-Match` does not match the current `ETag`");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                addProblem(responses, "428", "`If-Match` is missing");
            }
        }
        // Every error answer is a problem document: the resources name the status and why, this adds the content.
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null
                    && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
        responses.getAPIResponses().forEach((status, response) -> headers(status, response, method, path, idempotent));
        operation.setResponses(responses);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OpenApiConventions::type);
            if (path.startsWith("/api/v1/alerts")) {
                enumerate(operation, "status", List.of("open", "acknowledged", "resolved"));
                enumerate(operation, "kind", List.of("sla.warning", "sla.breached", "sla.escalated",
                        "commitment.at_risk", "commitment.missed", "commitment.met", "webhook.disabled", "icp.drift"));
            } else if (path.endsWith("/deliveries")) {
                enumerate(operation, "status", List.of("pending", "delivered", "failed", "cancelled"));
            }
        }
    }

    private static void enumerate(Operation operation, String name, List<Object> values) {
        Parameter parameter = parameter(operation, name);
        if (parameter != null && parameter.getSchema() != null) {
            parameter.getSchema().setMaxLength(null);
            parameter.getSchema().setEnumeration(values);
        }
    }

    private static Parameter parameter(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream().filter(p -> name.equalsIgnoreCase(p.getName())).findFirst().orElse(null);
    }

    private static void headers(String status, APIResponse response, PathItem.HttpMethod method, String path,
            boolean idempotent) {
        if (response.getRef() != null) {
            return;
        }
        Map<String, Header> headers = response.getHeaders() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(response.getHeaders());
        if (status.startsWith("2") || status.startsWith("4")) {
            headers.putIfAbsent(RATE_LIMIT_LIMIT, ref(RATE_LIMIT_LIMIT));
            headers.putIfAbsent(RATE_LIMIT_REMAINING, ref(RATE_LIMIT_REMAINING));
            headers.putIfAbsent(RATE_LIMIT_RESET, ref(RATE_LIMIT_RESET));
        }
        if (status.equals("429") || status.equals("503")) {
            headers.putIfAbsent("Retry-After", ref("Retry-After"));
        }
        if (status.equals("201")) {
            headers.putIfAbsent("Location", ref("Location"));
        }
        if (idempotent && status.startsWith("2")) {
            headers.putIfAbsent("Idempotency-Replayed", ref("Idempotency-Replayed"));
        }
        if ((status.equals("200") || status.equals("201")) && sendsETag(method, path, response)) {
            headers.putIfAbsent("ETag", ref("ETag"));
        }
        if (!headers.isEmpty()) {
            headers.putIfAbsent(CORS_ORIGIN, ref(CORS_ORIGIN));
            response.setHeaders(headers);
        }
    }

    /** Single configuration resources and leads answer with their version; lists, reports and streams do not. */
    private static boolean sendsETag(PathItem.HttpMethod method, String path, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return false;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        String ref = schema == null ? null : schema.getRef();
        if (ref == null || ref.contains("/Page")) {
            return false;
        }
        return !path.startsWith("/api/v1/reports") && !path.contains("/evaluate") && !path.startsWith("/api/v1/alerts")
                && !path.contains("/calendars/{key}/") && !path.contains("/touches")
                && !path.endsWith("/preview") && !path.contains("/deliveries") && !path.endsWith("/ping")
                && !path.endsWith("/diff/{b}") && !path.endsWith("/sla") && !path.endsWith("/bulk");
    }

    /** Types the parameters the resources read as strings (so they can answer with their own problem documents). */
    private static void type(Parameter parameter) {
        if (parameter.getRef() != null) {
            return;
        }
        Schema schema = parameter.getSchema() == null ? OASFactory.createSchema() : parameter.getSchema();
        String name = parameter.getName();
        switch (name) {
            case "limit" -> replace(schema, integer(1, PageRequest.MAX_LIMIT).defaultValue(PageRequest.DEFAULT_LIMIT));
            case "n", "a", "b", "version", "revision", "fromVersion" -> replace(schema, integer(1, Integer.MAX_VALUE));
            case "since", "from", "to", "start", "at", "dueBefore", "handedOffFrom", "handedOffTo" ->
                replace(schema, string(40).format("date-time"));
            case "id", "leadId", "touchId", "delivery" -> replace(schema, string(36).format("uuid"));
            case "after", "Last-Event-ID" -> replace(schema, string(19).pattern("^[0-9]{1,19}$")
                    .description("An event id: its position in the global event sequence"));
            case "cursor" -> replace(schema, string(512).pattern("^[A-Za-z0-9_=-]+$"));
            case "key" -> replace(schema, string(64));
            case "week" -> replace(schema, string(8).pattern("^[0-9]{4}-W[0-9]{2}$"));
            case "duration" -> replace(schema, string(64).pattern("^-?P.*$"));
            case "If-Match" -> replace(schema, string(1024));
            case "revoked" -> replace(schema, string(5).enumeration(List.of("true", "false")));
            case "Idempotency-Key" -> replace(schema, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]+$"));
            default -> {
                if (schema.getEnumeration() == null && schema.getRef() == null && schema.getMaxLength() == null) {
                    replace(schema, string(200));
                }
            }
        }
        parameter.setSchema(schema);
        if (parameter.getExample() instanceof String example && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.INTEGER) && example.matches("[0-9]{1,9}")) {
            parameter.setExample(Integer.valueOf(example));
        }
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static void replace(Schema schema, Schema with) {
        Object description = schema.getDescription();
        schema.setAll(with.getAll());
        if (description != null && schema.getDescription() == null) {
            schema.setDescription((String) description);
        }
    }

    /** Moves enums from arrays to their items and anchors patterns, throughout a schema. */
    static void tidy(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        List<Schema.SchemaType> type = schema.getType();
        if (type != null && type.contains(Schema.SchemaType.ARRAY) && schema.getEnumeration() != null) {
            Schema items = schema.getItems() == null ? OASFactory.createSchema() : schema.getItems();
            if (items.getRef() == null && items.getEnumeration() == null) {
                items.setEnumeration(schema.getEnumeration());
            }
            schema.setItems(items);
            schema.setEnumeration(null);
            Object example = schema.getExamples() == null || schema.getExamples().isEmpty() ? null : schema.getExamples().get(0);
            if (example instanceof String s && !s.startsWith("[")) {
                schema.setExamples(List.of(List.of(s)));
            }
        }
        if (schema.getPattern() != null) {
            schema.setPattern(anchor(schema.getPattern()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventions::tidy);
        }
        tidy(schema.getItems());
        tidy(schema.getAdditionalPropertiesSchema());
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(OpenApiConventions::tidy);
            }
        }
    }

    /**
     * Bean Validation's {@code @Pattern} matches the whole value; JSON Schema's {@code pattern} any part of it. SmallRye
     * writes {@code @NotBlank} as the unanchored {@code \S} ("contains a non-blank character"), which stays as it is.
     */
    static String anchor(String pattern) {
        if (pattern.equals("\\S") || pattern.startsWith("^") && pattern.endsWith("$")) {
            return pattern;
        }
        return "^(?:" + pattern + ")$";
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing.getRef() == null && existing.getContent() == null) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }
}
