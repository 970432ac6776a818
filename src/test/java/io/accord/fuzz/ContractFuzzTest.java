package io.accord.fuzz;

import static io.accord.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Contract-driven fuzzing (issue 14): for every operation in {@code openapi/openapi.yaml} it sends a valid request,
 * built from the schemas and their examples against real resources, and many mutated ones (wrong types, odd and huge
 * strings with NUL and lone surrogates, extreme numbers and dates, duplicate keys, trailing garbage, bad bytes, bad
 * paths, queries and headers, wrong media types, missing bodies, other roles). It fails on any 5xx, and on any
 * non-2xx answer that is not {@code application/problem+json} with an integer {@code status} equal to the HTTP
 * status.
 *
 * <p>The request sequence is a function of the seed: {@code -Dfuzz.seed=<n>} repeats a run ({@code random} picks
 * one), {@code -Dfuzz.rounds=<n>} changes how many mutations each operation gets. Every failure prints the seed and the
 * request, so it can be replayed by hand.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final long DEFAULT_SEED = 20261203L;
    private static final int DEFAULT_ROUNDS = 30;
    /** Escapes everything beyond ASCII, so lone surrogates go out as {@code \\ud800} escapes, as a client would. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private JsonNode contract;
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private final Map<String, String> keysByRole = new LinkedHashMap<>();
    private final Map<String, String> etags = new LinkedHashMap<>();

    /** One request as sent, enough to replay it with curl. */
    record Sent(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String describe() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(pathAndQuery);
            headers.forEach((k, v) -> sb.append("\n    ").append(k).append(": ").append(escape(v)));
            if (body != null) {
                String text = new String(body, StandardCharsets.UTF_8);
                sb.append("\n    body (").append(body.length).append(" bytes): ")
                        .append(escape(text.length() > 600 ? text.substring(0, 600) + "…" : text));
            }
            return sb.toString();
        }
    }

    record Operation(String method, String path, JsonNode spec) {
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** The SLA policies that existed before the fuzz ran. */
    private final java.util.Set<java.util.UUID> policiesBefore = new java.util.HashSet<>();

    @org.junit.jupiter.api.BeforeEach
    void rememberThePoliciesThatExist() {
        pool.query("select id from sla_policies").execute().await().indefinitely()
                .forEach(row -> policiesBefore.add(row.getUUID("id")));
    }

    /**
     * The fuzz writes valid SLA policies too, some with no conditions, which would cover every lead other tests push
     * afterwards. Tests never depend on each other's data, so every policy it made is switched off (those that started
     * clocks cannot be deleted).
     */
    @org.junit.jupiter.api.AfterEach
    void disableThePoliciesTheFuzzMade() {
        pool.preparedQuery("update sla_policies set enabled = false where not (id = any($1))")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(policiesBefore.toArray(new java.util.UUID[0])))
                .await().indefinitely();
    }

    @Test
    void noInputGetsA5xxOrANonProblemError() throws Exception {
        String seedProperty = System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED));
        long seed = "random".equals(seedProperty) ? new Random().nextLong() : Long.parseLong(seedProperty);
        int rounds = Integer.getInteger("fuzz.rounds", DEFAULT_ROUNDS);
        contract = new YAMLMapper().readTree(Path.of("openapi/openapi.yaml").toFile());
        createFixtures();

        List<Operation> operations = operations();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> failureKinds = new TreeMap<>();
        Map<String, Integer> protocolRefusals = new TreeMap<>();
        Map<String, Long> slowest = new TreeMap<>();
        List<String> slowRequests = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (int o = 0; o < operations.size(); o++) {
            Operation op = operations.get(o);
            Random random = new Random(seed * 31 + o);
            long opStarted = System.nanoTime();
            etags.clear();
            for (int round = 0; round < rounds; round++) {
                Sent request = build(op, round, random);
                HttpResponse<byte[]> response;
                long requestStarted = System.nanoTime();
                try {
                    response = send(request);
                } catch (java.io.IOException e) {
                    // The server may close a connection on a protocol error; that is an answer, not a 5xx.
                    continue;
                } finally {
                    sent++;
                    long ms = (System.nanoTime() - requestStarted) / 1_000_000;
                    if (ms > 1000 && slowRequests.size() < 5) {
                        slowRequests.add(ms + " ms: " + request.describe());
                    }
                }
                if (response.statusCode() / 100 == 2 && !op.method().equals("get")) {
                    etags.clear(); // a write may have changed the resource's ETag
                }
                if ((response.statusCode() == 414 || response.statusCode() == 431) && response.body().length == 0) {
                    // Vert.x answers these while decoding the request head, before any handler (see HttpLimits).
                    protocolRefusals.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                    continue;
                }
                String problem = check(response);
                if (problem != null) {
                    failureKinds.merge(response.statusCode() + " " + op.method() + " " + op.path(), 1, Integer::sum);
                    if (failures.size() < 25) {
                        failures.add(problem + " (operation " + op.method().toUpperCase() + " " + op.path()
                                + ", round " + round + ")\n  " + request.describe() + "\n  answer: "
                                + escape(new String(response.body(), StandardCharsets.UTF_8)));
                    }
                }
            }
            slowest.put(op.method().toUpperCase() + " " + op.path(), (System.nanoTime() - opStarted) / 1_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ContractFuzzTest: seed %d, %d operations, %d requests in %.1f s, %d failing kinds%n",
                seed, operations.size(), sent, seconds, failureKinds.size());
        System.out.println("ContractFuzzTest: refused by Vert.x before any handler (no body): " + protocolRefusals);
        slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.println("ContractFuzzTest: slowest " + e.getKey() + " " + e.getValue() + " ms"));
        slowRequests.forEach(r -> System.out.println("ContractFuzzTest: slow request " + r.replaceAll("x{50,}", "x…")));
        if (!failures.isEmpty()) {
            fail("Fuzzing with -Dfuzz.seed=" + seed + " found " + failureKinds.values().stream().mapToInt(i -> i).sum()
                    + " bad answers: " + failureKinds + "\n\n" + String.join("\n\n", failures));
        }
        assertTrue(sent >= operations.size() * rounds, "every operation was fuzzed");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixtures: real resources, so that valid requests reach the services and the database.

    private void createFixtures() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("u-manager", calendar);
        String marker = Api.slug("fuzz");
        String icp = Fixtures.activeIcp(marker);
        String policy = Api.slug("policy");
        Fixtures.createPolicy(Fixtures.policy(policy, 1, calendar, Map.of("teamKeys", List.of(team)),
                Fixtures.standardMilestones()));
        Map<String, Object> leadBody = Fixtures.fittingLead(Api.slug("fuzz"), Api.slug("lead"), "DE", marker, true);
        leadBody.put("teamKey", team);
        leadBody.put("status", "mql");
        String lead = Fixtures.ingest(leadBody);
        String touch = admin().body(Map.of("kind", "call", "occurredAt", "2026-01-01T10:00:00Z"))
                .post("/api/v1/leads/" + lead + "/touches").then().extract().path("id");
        fixtures.put("calendar", calendar);
        fixtures.put("team", team);
        fixtures.put("icp", icp);
        fixtures.put("policy", policy);
        fixtures.put("lead", lead);
        String commitment = createFromSchema("CommitmentRequest", "/api/v1/commitments");
        String webhook = createFromSchema("WebhookRequest", "/api/v1/webhooks");
        String apiKey = admin().body(Map.of("name", Api.slug("fuzz"), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().extract().path("id");
        fixtures.put("touch", touch == null ? UUID.randomUUID().toString() : touch);
        fixtures.put("commitment", commitment);
        fixtures.put("webhook", webhook);
        fixtures.put("apiKey", apiKey);
        String person = Api.slug("fuzz-rep");
        admin().body(Map.of("id", person, "name", "Fuzz rep", "teams", List.of(team))).post("/api/v1/people").then()
                .statusCode(201);
        fixtures.put("person", person);
        for (String role : List.of("viewer", "integrator", "marketing", "sales", "sales_manager")) {
            keysByRole.put(role, Api.newKey(role));
        }
    }

    /** Creates a resource from its request schema's examples and returns its key (it may be refused: then unknown). */
    private String createFromSchema(String schema, String path) {
        JsonNode body = fill(generate(contract.path("components").path("schemas").path(schema), 0, new Random(1)), path);
        admin().body(bytes(body)).post(path);
        return body.path("key").asText("unknown");
    }

    /** Every operation but the Quarkus endpoints and the live stream; deletions last, so fixtures live long. */
    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/") || path.getKey().endsWith("/alerts/stream")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                    out.add(new Operation(m.getKey(), path.getKey(), m.getValue()));
                }
            }
        }
        out.sort(Comparator.comparing((Operation op) -> op.method().equals("delete")).thenComparing(Operation::path)
                .thenComparing(Operation::method));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Requests

    private Sent build(Operation op, int round, Random random) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> queryParams = new ArrayList<>();
        List<JsonNode> headerParams = new ArrayList<>();
        for (JsonNode p : op.spec().path("parameters")) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            if (in.equals("path")) {
                pathValues.put(name, pathValue(op.path(), name));
            } else if (in.equals("query")) {
                queryParams.add(p);
                if (p.path("required").asBoolean()) {
                    query.put(name, queryValue(op.path(), name, p));
                }
            } else if (in.equals("header")) {
                headerParams.add(p);
            }
        }
        JsonNode bodySchema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = bodySchema.isMissingNode() ? null : fill(generate(bodySchema, 0, random), op.path());
        String contentType = body == null ? null : "application/json";
        String accept = "application/json";
        headers.put("Authorization", "ApiKey " + Api.BOOTSTRAP_KEY);
        if (headerParams.stream().anyMatch(h -> h.path("name").asText().equals("If-Match"))) {
            headers.put("If-Match", etag(op.path(), pathValues));
        }
        byte[] raw = body == null ? null : bytes(body);

        // Round 0 is the valid request; the others mutate one or two aspects.
        int kinds = 14;
        int kind = round == 0 ? -1 : random.nextInt(kinds);
        switch (kind) {
            case 0, 1, 2, 3 -> { // a body field gets an odd value
                if (body != null) {
                    raw = bytes(mutateField(body, random));
                } else {
                    queryParams.stream().skip(queryParams.isEmpty() ? 0 : random.nextInt(queryParams.size())).findFirst()
                            .ifPresent(p -> query.put(p.path("name").asText(), oddText(random)));
                }
            }
            case 4 -> raw = rawBodyMutation(raw == null ? "{}".getBytes(StandardCharsets.UTF_8) : raw, random);
            case 5, 6 -> { // a path value
                if (!pathValues.isEmpty()) {
                    List<String> names = new ArrayList<>(pathValues.keySet());
                    pathValues.put(names.get(random.nextInt(names.size())), oddPathSegment(random));
                } else {
                    query.put("limit", oddQueryValue(random));
                }
            }
            case 7, 8 -> { // a query value, declared or not
                String name = queryParams.isEmpty() || random.nextInt(4) == 0 ? "unknown"
                        : queryParams.get(random.nextInt(queryParams.size())).path("name").asText();
                query.put(name, oddQueryValue(random));
                if (random.nextBoolean() && !queryParams.isEmpty()) {
                    JsonNode other = queryParams.get(random.nextInt(queryParams.size()));
                    query.put(other.path("name").asText(), queryValue(op.path(), other.path("name").asText(), other));
                }
            }
            case 9 -> { // media types
                String[] types = {"text/plain", "application/xml", "application/json; charset=latin1",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "nonsense", "",
                    "application/json; charset=utf-16"};
                contentType = types[random.nextInt(types.length)];
                if (raw == null) {
                    raw = "{}".getBytes(StandardCharsets.UTF_8);
                }
            }
            case 10 -> { // what the caller accepts
                String[] accepts = {"text/csv", "application/xml", "text/markdown", "*/*", "garbage", "",
                    "application/json;q=0", "text/html, */*;q=0.1", "image/png"};
                accept = accepts[random.nextInt(accepts.length)];
            }
            case 11 -> { // who calls
                String[] roles = keysByRole.keySet().toArray(String[]::new);
                int pick = random.nextInt(roles.length + 3);
                if (pick < roles.length) {
                    headers.put("Authorization", "ApiKey " + keysByRole.get(roles[pick]));
                } else if (pick == roles.length) {
                    headers.remove("Authorization");
                } else if (pick == roles.length + 1) {
                    headers.put("Authorization", "ApiKey acc_" + "x".repeat(random.nextInt(80)));
                } else {
                    headers.put("Authorization", "Bearer not.a.jwt");
                }
            }
            case 12 -> { // headers
                if (!headerParams.isEmpty()) {
                    JsonNode h = headerParams.get(random.nextInt(headerParams.size()));
                    headers.put(h.path("name").asText(), oddHeaderValue(random));
                } else {
                    headers.put("Idempotency-Key", oddHeaderValue(random));
                }
            }
            case 13 -> { // no body, or the wrong one
                raw = random.nextBoolean() ? null : new byte[0];
            }
            default -> {
            }
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        if (accept != null && !accept.isEmpty()) {
            headers.put("Accept", accept);
        }
        String path = op.path();
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            target.append(sep).append(encode(e.getKey())).append('=').append(encodeQuery(e.getValue()));
            sep = '&';
        }
        return new Sent(op.method().toUpperCase(), target.toString(), headers, raw);
    }

    private HttpResponse<byte[]> send(Sent request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + request.pathAndQuery())).timeout(Duration.ofSeconds(30));
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        builder.method(request.method(), body);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Why the answer breaks the rules, or null. */
    private static String check(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a " + status;
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "a " + status + " with Content-Type '" + type + "'";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
                return "a " + status + " whose problem has status " + problem.path("status");
            }
            if (!problem.path("type").isTextual()) {
                return "a " + status + " whose problem has no type";
            }
        } catch (Exception e) {
            return "a " + status + " whose body is not JSON";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Values

    private String pathValue(String path, String name) {
        return switch (name) {
            case "key" -> path.startsWith("/api/v1/calendars") ? fixtures.get("calendar")
                    : path.startsWith("/api/v1/teams") ? fixtures.get("team")
                    : path.startsWith("/api/v1/icps") ? fixtures.get("icp")
                    : path.startsWith("/api/v1/sla-policies") ? fixtures.get("policy")
                    : path.startsWith("/api/v1/commitments") ? fixtures.get("commitment")
                    : path.startsWith("/api/v1/webhooks") ? fixtures.get("webhook") : "unknown";
            case "id" -> path.startsWith("/api/v1/leads") ? fixtures.get("lead")
                    : path.startsWith("/api/v1/api-keys") ? fixtures.get("apiKey")
                    : path.startsWith("/api/v1/people") ? fixtures.get("person") : UUID.randomUUID().toString();
            case "touchId" -> fixtures.get("touch");
            case "n", "a", "revision" -> "1";
            case "b" -> "2";
            default -> UUID.randomUUID().toString();
        };
    }

    private String queryValue(String path, String name, JsonNode param) {
        return switch (name) {
            case "from", "start", "since", "handedOffFrom" -> "2026-01-01T00:00:00Z";
            case "to", "at", "dueBefore", "handedOffTo" -> "2026-02-01T00:00:00Z";
            case "duration" -> "PT4H";
            case "week" -> "2026-W05";
            case "zone" -> "Europe/Berlin";
            case "limit" -> "10";
            default -> {
                JsonNode example = param.path("schema").path("examples").path(0);
                yield example.isMissingNode() ? "x" : example.asText();
            }
        };
    }

    /** Puts fixture keys where a body names another resource, and a fresh key where it creates one. */
    private JsonNode fill(JsonNode body, String path) {
        if (body instanceof ObjectNode object) {
            Map<String, String> refs = Map.of("calendarKey", "calendar", "teamKey", "team", "icpKey", "icp",
                    "policyKey", "policy", "leadId", "lead");
            refs.forEach((field, fixture) -> {
                if (object.has(field)) {
                    object.put(field, fixtures.get(fixture));
                }
            });
            if (object.has("key")) {
                object.put("key", "fz-" + UUID.randomUUID().toString().substring(0, 8));
            }
            if (object.has("url")) {
                object.put("url", "http://127.0.0.1:9/hook");
            }
            if (object.has("occurredAt")) {
                object.put("occurredAt", "2026-01-01T10:00:00Z");
            }
        }
        return body;
    }

    private String etag(String path, Map<String, String> pathValues) {
        String resource = path;
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            resource = resource.replace("{" + e.getKey() + "}", e.getValue());
        }
        String etag = etags.computeIfAbsent(resource, r -> admin().get(r).then().extract().header("ETag"));
        return etag == null ? "\"1\"" : etag;
    }

    /** A value for a schema, from its examples where it has them. */
    private JsonNode generate(JsonNode schema, int depth, Random random) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return depth > 6 ? NODES.nullNode() : generate(contract.path("components").path("schemas").path(name),
                    depth + 1, random);
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(combinator)) {
                for (JsonNode option : schema.get(combinator)) {
                    if (!"null".equals(option.path("type").asText())) {
                        return generate(option, depth + 1, random);
                    }
                }
            }
        }
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").isArray() ? firstNonNull(schema.path("type")) : schema.path("type").asText();
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").fields().forEachRemaining(p ->
                            object.set(p.getKey(), generate(p.getValue(), depth + 1, random)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6 && schema.has("items")) {
                    array.add(generate(schema.get("items"), depth + 1, random));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.path("minimum").asInt(1));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(1.0));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (schema.path("format").asText()) {
                    case "date-time" -> NODES.textNode("2026-01-05T10:00:00Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date" -> NODES.textNode("2026-01-05");
                    case "duration" -> NODES.textNode("PT4H");
                    default -> NODES.textNode("fuzz");
                };
            }
        }
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return "null";
    }

    /** Replaces one value somewhere in the body (or the body itself) with an odd one. */
    private JsonNode mutateField(JsonNode body, Random random) {
        JsonNode copy = body.deepCopy();
        List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
        collect(copy, slots);
        JsonNode odd = oddValue(random);
        if (slots.isEmpty() || random.nextInt(10) == 0) {
            if (copy instanceof ObjectNode o && random.nextBoolean()) {
                o.set("unknownField" + random.nextInt(3), odd);
                return o;
            }
            return odd;
        }
        Map.Entry<JsonNode, Object> slot = slots.get(random.nextInt(slots.size()));
        if (slot.getKey() instanceof ObjectNode o) {
            String field = (String) slot.getValue();
            if (random.nextInt(6) == 0) {
                o.remove(field);
            } else {
                o.set(field, odd);
            }
        } else if (slot.getKey() instanceof ArrayNode a) {
            a.set((Integer) slot.getValue(), odd);
        }
        return copy;
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                slots.add(Map.entry(o, name));
                collect(o.get(name), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(Map.entry(a, i));
                collect(a.get(i), slots);
            }
        }
    }

    private JsonNode oddValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.textNode(oddText(random));
            case 1 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999999"));
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.numberNode(random.nextBoolean() ? Long.MIN_VALUE : -1);
            case 4 -> NODES.numberNode(random.nextBoolean() ? 0.5 : Integer.MAX_VALUE);
            case 5 -> NODES.nullNode();
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.objectNode().put("x", oddText(random));
            case 8 -> NODES.arrayNode().add(oddText(random)).add(1);
            case 9 -> NODES.textNode(oddDate(random));
            case 10 -> NODES.textNode(random.nextBoolean() ? "P999999999D" : "PT-4H");
            default -> NODES.textNode("");
        };
    }

    private static String oddText(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> "a\u0000b";
            case 1 -> "\ud800x";
            case 2 -> "x\udc00";
            case 3 -> "x".repeat(30_000);
            case 4 -> "  ";
            case 5 -> "\u202e\ufeff\u200b";
            case 6 -> "😀".repeat(50);
            case 7 -> "'; drop table leads; --";
            case 8 -> "../../etc/passwd";
            case 9 -> "%00%ff";
            case 10 -> "<script>alert(1)</script>";
            case 11 -> "-1";
            case 12 -> "99999999999999999999";
            case 13 -> oddDate(random);
            case 14 -> "\t\r\n\u0007";
            default -> "ünïcödé-" + random.nextInt(1000);
        };
    }

    private static String oddDate(Random random) {
        String[] dates = {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z",
            "2026-01-01", "1e10", "9999-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "2026-01-01T00:00:00+14:00",
            "2026-01-01T00:00:00.123456789Z"};
        return dates[random.nextInt(dates.length)];
    }

    private static String oddPathSegment(Random random) {
        String[] segments = {"%00", "a%00b", "%ED%A0%80", "%C3%28", "%FF", "x".repeat(3000), "..", "%2e%2e",
            "-1", "99999999999999999999", UUID.randomUUID().toString(), "%F0%9F%98%80", "%20", "null", "a%2Fb",
            "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "%5C"};
        return segments[random.nextInt(segments.length)];
    }

    /** Returned already percent-encoded where it needs to be odd on the wire (marked with a leading '\u0001'). */
    private static String oddQueryValue(Random random) {
        String[] values = {"\u0001%00", "\u0001a%00b", "\u0001%ED%A0%80", "\u0001%C3%28", "", "-1", "0", "201",
            "99999999999999999999", "1e999", "NaN", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "2026-13-01T00:00:00Z", "x".repeat(3000), "😀", "true", "' or 1=1 --", "2026-W99", "9999-W52",
            "0000-W01", "Mars/Olympus", "PT-1H", "P99999999D", "\u0001%FF%FE"};
        return values[random.nextInt(values.length)];
    }

    private static String oddHeaderValue(Random random) {
        String[] values = {"", "x".repeat(300), "\"", "W/\"1\"", "*", "\"99999999999999999999\"", "ü", "a, b",
            UUID.randomUUID().toString(), "\"-1\""};
        return values[random.nextInt(values.length)];
    }

    /** Byte-level damage: duplicate keys, trailing garbage, truncation, bad UTF-8, deep nesting, odd literals. */
    private static byte[] rawBodyMutation(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(10)) {
            case 0 -> {
                int brace = text.indexOf('{');
                int colon = text.indexOf(':', brace);
                int end = nextValueEnd(text, colon + 1);
                if (brace < 0 || colon < 0 || end < 0) {
                    yield "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
                }
                String member = text.substring(brace + 1, end);
                yield (text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "") + member + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> (text + " }}} x").getBytes(StandardCharsets.UTF_8);
            case 2 -> text.substring(0, Math.max(0, text.length() / 2)).getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int at = Math.max(1, text.indexOf('"') + 1);
                out.write(valid, 0, Math.min(at, valid.length));
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, 3);
                out.write(valid, Math.min(at, valid.length), valid.length - Math.min(at, valid.length));
                yield out.toByteArray();
            }
            case 4 -> ("{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8);
            case 5 -> "NaN".getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"n\": 1e999999, \"m\": -Infinity}").getBytes(StandardCharsets.UTF_8);
            case 7 -> "null".getBytes(StandardCharsets.UTF_8);
            case 8 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
            default -> text.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The index just after the JSON value that starts at {@code from} (a rough scan, good enough to copy it). */
    private static int nextValueEnd(String text, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Query values marked with a leading U+0001 are sent as they are (already percent-encoded odd bytes). */
    private static String encodeQuery(String value) {
        if (value.startsWith("\u0001")) {
            return value.substring(1);
        }
        Function<String, String> encoder = ContractFuzzTest::encode;
        return encoder.apply(value);
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
