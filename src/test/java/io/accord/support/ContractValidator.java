package io.accord.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks an HTTP response against the committed contract {@code openapi/openapi.yaml}: the status is declared for the
 * operation, the content type is declared for that status, the body validates against its schema (OpenAPI 3.1, i.e.
 * JSON Schema 2020-12, formats asserted) and every required response header is present. Only responses are checked:
 * tests send bad requests on purpose.
 *
 * <p>A route the contract does not describe (an unknown path, or a method the path does not have) may only answer
 * with a problem document, which is validated against {@code Problem}. {@code /q/*} is not part of the API and is
 * skipped, and so is the body of a {@code text/event-stream}.
 */
public final class ContractValidator {

    public static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    private static final String BASE = "https://accord.invalid/openapi.json";

    private static volatile ContractValidator shared;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong validated = new AtomicLong();

    /** One response to check. Header names are matched case-insensitively; {@code body} may be empty. */
    public record Exchange(String method, String path, int status, String contentType, Map<String, String> headers,
            String body) {
    }

    /** The operation a response was matched to (or a description of the unmatched route) and what is wrong. */
    public record Verdict(String operation, List<String> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private record Route(String template, Pattern pattern, int literals, JsonNode item) {
    }

    /** The validator for the committed contract, read once per JVM. */
    public static ContractValidator shared() {
        ContractValidator v = shared;
        if (v == null) {
            synchronized (ContractValidator.class) {
                if (shared == null) {
                    shared = read(CONTRACT);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                            "[contract] " + shared.validated() + " responses validated against " + CONTRACT)));
                }
                v = shared;
            }
        }
        return v;
    }

    public static ContractValidator read(Path contract) {
        try {
            return new ContractValidator(new YAMLMapper().readTree(Files.readString(contract)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + contract, e);
        }
    }

    public ContractValidator(JsonNode document) {
        this.document = document;
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The document's top-level members are not schema keywords; only the schemas inside it are validated with.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31()).keywords(Stream.of("openapi", "info",
                "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs")
                .map(NonValidationKeyword::new).toList()).build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, b -> b
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : e.getKey().split("/", -1)) {
                if (regex.length() > 0 || !segment.isEmpty()) {
                    regex.append('/');
                }
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            routes.add(new Route(e.getKey(), Pattern.compile(regex.toString()), literals, e.getValue()));
        }
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    public long validated() {
        return validated.get();
    }

    /** Whether the contract has nothing to say about this path (not part of the API). */
    public static boolean skipped(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    public Verdict validate(Exchange x) {
        String method = x.method().toLowerCase(Locale.ROOT);
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(x.path()).matches()).findFirst();
        JsonNode operation = route.map(r -> r.item().get("head".equals(method) ? "get" : method)).orElse(null);
        List<String> violations = new ArrayList<>();
        validated.incrementAndGet();
        if (operation == null) {
            String where = x.method() + " " + x.path() + (route.isPresent() ? " (path " + route.get().template()
                    + " has no " + x.method() + ")" : " (no such path in the contract)");
            undescribedRoute(x, violations);
            return new Verdict(where, violations);
        }
        String pointer = "/paths/" + escape(route.get().template()) + "/" + ("head".equals(method) ? "get" : method);
        String name = x.method() + " " + route.get().template() + " ("
                + operation.path("operationId").asText("no operationId") + ")";
        JsonNode responses = operation.path("responses");
        String key = String.valueOf(x.status());
        if (!responses.has(key)) {
            key = x.status() / 100 + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            violations.add("status " + x.status() + " is not declared (declared: " + fieldNames(responses) + ")");
            return new Verdict(name, violations);
        }
        String responsePointer = pointer + "/responses/" + escape(key);
        JsonNode response = responses.get(key);
        for (int guard = 0; response.has("$ref") && guard < 10; guard++) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        checkHeaders(x, response, violations);
        boolean head = "head".equals(method);
        checkBody(x, response, responsePointer, head, violations);
        return new Verdict(name, violations);
    }

    private void undescribedRoute(Exchange x, List<String> violations) {
        if (x.status() < 400) {
            violations.add("answered " + x.status() + " on a route the contract does not describe");
            return;
        }
        String type = mediaType(x.contentType());
        if (!"application/problem+json".equals(type)) {
            violations.add("answered " + x.status() + " with '" + x.contentType() + "' instead of application/problem+json");
            return;
        }
        validateJson(x.body(), "/components/schemas/Problem", violations);
    }

    private void checkHeaders(Exchange x, JsonNode response, List<String> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            JsonNode header = resolve(h.getValue());
            if (header.path("required").asBoolean(false) && header(x, h.getKey()) == null) {
                violations.add("required header '" + h.getKey() + "' is missing");
            }
        }
    }

    private void checkBody(Exchange x, JsonNode response, String responsePointer, boolean head, List<String> violations) {
        JsonNode content = response.path("content");
        boolean empty = x.body() == null || x.body().isEmpty();
        String type = mediaType(x.contentType());
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                violations.add("the response declares no body, but one came (" + x.contentType() + ")");
            }
            return;
        }
        if (empty && type == null) {
            if (!head && x.status() != 304) {
                violations.add("no body came, but the response declares " + fieldNames(content));
            }
            return;
        }
        String declared = null;
        for (Iterator<String> it = content.fieldNames(); it.hasNext();) {
            String candidate = it.next();
            if (matches(candidate, type)) {
                declared = candidate;
                break;
            }
        }
        if (declared == null) {
            violations.add("content type '" + x.contentType() + "' is not declared (declared: " + fieldNames(content) + ")");
            return;
        }
        if (head || empty && !"text/event-stream".equals(type)) {
            if (!head) {
                violations.add("an empty body came as " + type);
            }
            return;
        }
        if ("text/event-stream".equals(type) || !isJson(type) || !content.path(declared).has("schema")) {
            return;
        }
        validateJson(x.body(), responsePointer + "/content/" + escape(declared) + "/schema", violations);
    }

    private void validateJson(String body, String schemaPointer, List<String> violations) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            violations.add("the body is not JSON: " + e.getMessage());
            return;
        }
        if (node == null || node.isMissingNode()) {
            violations.add("the body is empty");
            return;
        }
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
        for (Error e : schema.validate(node)) {
            violations.add("body " + e.getInstanceLocation() + ": " + e.getMessage() + "  [schema "
                    + e.getSchemaLocation().getFragment() + "]");
        }
    }

    private JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node.has("$ref") && node.get("$ref").asText().startsWith("#/") && guard++ < 10) {
            JsonNode target = document.at(node.get("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                return node;
            }
            node = target;
        }
        return node;
    }

    private static String header(Exchange x, String name) {
        for (Map.Entry<String, String> h : x.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String declared, String actual) {
        String d = declared.toLowerCase(Locale.ROOT);
        if (actual == null) {
            return false;
        }
        if (d.equals(actual) || d.equals("*/*")) {
            return true;
        }
        return d.endsWith("/*") && actual.startsWith(d.substring(0, d.length() - 1));
    }

    private static boolean isJson(String type) {
        return type != null && (type.equals("application/json") || type.endsWith("+json"));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** For tests of the validator itself: a copy of the contract to break on purpose. */
    public ObjectNode documentCopy() {
        return (ObjectNode) document.deepCopy();
    }
}
