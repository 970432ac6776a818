package io.accord.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the component schemas say what the server really sends, in one consistent way for OpenAPI 3.1:
 * <ul>
 * <li><b>nullable</b> fields are declared on the DTO with {@code @Schema(nullable = true)}, which SmallRye renders as
 * {@code type: [T, "null"]} (or {@code anyOf: [$ref, {type: "null"}]}). An {@code enum} on such a field must list
 * {@code null} too, or JSON Schema rejects the null the type allows; this step adds it.</li>
 * <li>a nullable reference that SmallRye wraps with a {@code type} gets {@code "null"} in that type too;</li>
 * <li>an {@code enum} given on a list property applies to its items (SmallRye puts it on the array).</li>
 * <li><b>required</b>: Jackson sends every field of a response DTO ({@code quarkus.jackson.serialization-inclusion=
 * always}), so every property of a schema that only responses use is required, except the members listed in
 * {@link #MAY_BE_ABSENT} (Jackson omits them when empty). Schemas that requests use too are left alone: there a
 * missing field is the client's choice.</li>
 * </ul>
 * Called by {@link OpenApiConventions}.
 */
final class OpenApiSchemas {

    private static final String PREFIX = "#/components/schemas/";

    /** Members a response may leave out, per schema, because their DTO is not serialized with inclusion ALWAYS. */
    static final Map<String, Set<String>> MAY_BE_ABSENT = Map.of(
            // @JsonInclude(NON_EMPTY): `detail`, `instance` and `errors` only when there is something to say.
            "Problem", Set.of("detail", "instance", "errors"),
            // The secret is shown once, in the answer to create and rotate-secret.
            "ApiKey", Set.of("key"),
            "Webhook", Set.of("secret"),
            // A bulk item has either the lead or the problem.
            "BulkLeadItemResult", Set.of("id", "problem"),
            // @JsonInclude(NON_EMPTY) on the criterion.
            "Criterion", Set.of("values", "value", "min", "max"),
            // @JsonInclude(NON_NULL): an item has either its result or its problem.
            "EvaluationBatchItem", Set.of("result", "problem"));

    private OpenApiSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(s -> walk(s, OpenApiSchemas::enumOnItems));
        schemas.values().forEach(s -> walk(s, OpenApiSchemas::allowNullInEnum));
        schemas.values().forEach(s -> walk(s, OpenApiSchemas::allowNullBesideNullableRef));
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), inResponses));
                }
                if (op.getRequestBody() != null) {
                    content(op.getRequestBody().getContent(), inRequests);
                }
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        refs(p.getSchema(), inRequests);
                    }
                }
            }));
        }
        close(inResponses, schemas);
        close(inRequests, schemas);
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (inRequests.contains(name) || schema == null || schema.getProperties() == null
                    || schema.getProperties().isEmpty()) {
                continue;
            }
            Set<String> optional = MAY_BE_ABSENT.getOrDefault(name, Set.of());
            List<String> required = new ArrayList<>();
            schema.getProperties().keySet().stream().filter(p -> !optional.contains(p)).forEach(required::add);
            schema.setRequired(required);
        }
    }

    /** {@code @Schema(enumeration = ...)} on a list lands on the array; its values are the items'. */
    private static void enumOnItems(Schema schema) {
        if (schema.getEnumeration() != null && schema.getItems() != null && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            if (schema.getItems().getEnumeration() == null) {
                schema.getItems().setEnumeration(new ArrayList<>(schema.getEnumeration()));
            }
            schema.setEnumeration(null);
        }
    }

    /**
     * A nullable reference with a description renders as {@code type: object, anyOf: [$ref, {type: "null"}]}; the
     * sibling {@code type} would still refuse the null, so it allows it too.
     */
    private static void allowNullBesideNullableRef(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        if (type != null && !type.contains(Schema.SchemaType.NULL) && schema.getAnyOf() != null
                && schema.getAnyOf().stream().anyMatch(s -> List.of(Schema.SchemaType.NULL).equals(s.getType()))) {
            List<Schema.SchemaType> withNull = new ArrayList<>(type);
            withNull.add(Schema.SchemaType.NULL);
            schema.setType(withNull);
        }
    }

    private static void allowNullInEnum(Schema schema) {
        List<Object> values = schema.getEnumeration();
        if (values != null && !values.contains(null) && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.NULL)) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            schema.setEnumeration(withNull);
        }
    }

    private static void content(Content content, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> refs(m.getSchema(), names));
        }
    }

    private static void refs(Schema schema, Set<String> names) {
        walk(schema, s -> {
            if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
                names.add(s.getRef().substring(PREFIX.length()));
            }
        });
    }

    /** Adds every schema the named ones refer to, transitively. */
    private static void close(Set<String> names, Map<String, Schema> schemas) {
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            Schema schema = schemas.get(todo.pop());
            Set<String> found = new HashSet<>();
            refs(schema, found);
            for (String name : found) {
                if (names.add(name)) {
                    todo.push(name);
                }
            }
        }
    }

    /** Visits a schema and every schema nested in it (not following references). */
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, visit));
        }
        walk(schema.getItems(), visit);
        walk(schema.getAdditionalPropertiesSchema(), visit);
        for (List<Schema> list : new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                schema.getOneOf(), schema.getPrefixItems()))) {
            if (list != null) {
                list.forEach(s -> walk(s, visit));
            }
        }
    }
}
