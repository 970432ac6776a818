package io.accord.common;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every creating POST (one that answers 201) honours {@code Idempotency-Key}: a retry replays the first response with
 * {@code Idempotency-Replayed: true}, the same key with a different body is a 422. The table is checked against the
 * contract, so a new creating POST without a row here fails {@link #everyCreatingPostIsInTheTable}.
 */
@QuarkusTest
class CreatingPostsIdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One creating POST: its contract path, and a setup that answers the concrete path, caller and two bodies. */
    record Case(String template, Supplier<Prepared> setup) {
        @Override
        public String toString() {
            return "POST " + template;
        }
    }

    record Prepared(String path, Supplier<RequestSpecification> caller, Object body, Object otherBody) {
    }

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    static Stream<Case> creatingPosts() {
        return Stream.of(
                new Case("/api/v1/icps", () -> {
                    String key = Api.slug("icp");
                    return new Prepared("/api/v1/icps", Api::admin, Map.of("key", key, "name", "ICP one"),
                            Map.of("key", key, "name", "ICP two"));
                }),
                new Case("/api/v1/icps/{key}/versions", () -> {
                    String icp = Api.slug("icp");
                    admin().body(Map.of("key", icp, "name", "ICP")).post("/api/v1/icps").then().statusCode(201);
                    List<Map<String, Object>> criteria = List.of(Map.of("attribute", "company.country", "operator", "in",
                            "weight", 100, "required", false, "values", List.of("DE")));
                    List<Map<String, Object>> tiers = List.of(Map.of("label", "A", "minScore", 50),
                            Map.of("label", "B", "minScore", 0));
                    return new Prepared("/api/v1/icps/" + icp + "/versions", Api::admin,
                            Map.of("criteria", criteria, "tiers", tiers, "notes", "first"),
                            Map.of("criteria", criteria, "tiers", tiers, "notes", "second"));
                }),
                new Case("/api/v1/teams", () -> {
                    String key = Api.slug("team");
                    return new Prepared("/api/v1/teams", Api::admin,
                            Map.of("key", key, "name", "Team", "function", "marketing", "members", List.of("m-1")),
                            Map.of("key", key, "name", "Team", "function", "sales", "members", List.of("m-1")));
                }),
                new Case("/api/v1/calendars", () -> {
                    String key = Api.slug("cal");
                    List<Map<String, String>> hours = List.of(Map.of("day", "monday", "start", "09:00", "end", "17:00"));
                    return new Prepared("/api/v1/calendars", Api::admin,
                            Map.of("key", key, "name", "Cal", "timeZone", "Europe/Berlin", "hours", hours),
                            Map.of("key", key, "name", "Cal", "timeZone", "Europe/Paris", "hours", hours));
                }),
                new Case("/api/v1/sla-policies", () -> {
                    String calendar = Fixtures.berlinNineToFive();
                    String key = Api.slug("pol");
                    return new Prepared("/api/v1/sla-policies", Api::admin,
                            // Scoped to a source of its own: a policy without conditions would cover other tests' leads.
                            Fixtures.policy(key, 1, calendar, Map.of("sources", List.of(key)), Fixtures.standardMilestones()),
                            Fixtures.policy(key, 2, calendar, Map.of("sources", List.of(key)), Fixtures.standardMilestones()));
                }),
                new Case("/api/v1/leads", () -> {
                    String source = Api.slug("idem");
                    return new Prepared("/api/v1/leads", Api::admin, Fixtures.lead(source, "l-1", "DE"),
                            Fixtures.lead(source, "l-1", "AT"));
                }),
                new Case("/api/v1/leads/{id}/touches", () -> {
                    TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T09:00:00Z"));
                    String id = Fixtures.ingest(Fixtures.lead(Api.slug("touch"), "t-1", "DE"));
                    admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
                    TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T10:00:00Z"));
                    Map<String, Object> call = new LinkedHashMap<>(Map.of("kind", "call",
                            "occurredAt", "2026-03-02T09:30:00Z", "actorId", "u-7", "note", "first"));
                    Map<String, Object> other = new LinkedHashMap<>(call);
                    other.put("note", "second");
                    String sales = Api.newKey("sales");
                    return new Prepared("/api/v1/leads/" + id + "/touches", () -> as(sales), call, other);
                }),
                new Case("/api/v1/leads/{id}/inbound", () -> {
                    TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T10:00:00Z"));
                    String id = Fixtures.ingest(Fixtures.lead(Api.slug("inbound"), "i-1", "DE"));
                    Map<String, Object> mail = new LinkedHashMap<>(Map.of("channel", "email",
                            "occurredAt", "2026-03-02T09:30:00Z"));
                    Map<String, Object> call = new LinkedHashMap<>(Map.of("channel", "call",
                            "occurredAt", "2026-03-02T09:30:00Z"));
                    String sales = Api.newKey("sales");
                    return new Prepared("/api/v1/leads/" + id + "/inbound", () -> as(sales), mail, call);
                }),
                new Case("/api/v1/commitments", () -> {
                    String calendar = Fixtures.berlinNineToFive();
                    String team = Api.slug("mkt");
                    admin().body(Map.of("key", team, "name", "Marketing", "function", "marketing", "members",
                            List.of("m-1"))).post("/api/v1/teams").then().statusCode(201);
                    String key = Api.slug("c");
                    String marketing = Api.newKey("marketing");
                    return new Prepared("/api/v1/commitments", () -> as(marketing),
                            commitment(key, team, calendar, 120), commitment(key, team, calendar, 121));
                }),
                new Case("/api/v1/webhooks", () -> {
                    String key = Api.slug("hook");
                    String integrator = Api.newKey("integrator");
                    return new Prepared("/api/v1/webhooks", () -> as(integrator),
                            Map.of("key", key, "url", "http://127.0.0.1:9/one"),
                            Map.of("key", key, "url", "http://127.0.0.1:9/two"));
                }),
                new Case("/api/v1/people", () -> {
                    String id = Api.slug("rep");
                    return new Prepared("/api/v1/people", Api::admin, Map.of("id", id, "name", "Ada"),
                            Map.of("id", id, "name", "Grace"));
                }),
                new Case("/api/v1/people/{id}/absences", () -> {
                    String id = Api.slug("rep");
                    admin().body(Map.of("id", id, "name", "Ada")).post("/api/v1/people").then().statusCode(201);
                    return new Prepared("/api/v1/people/" + id + "/absences", Api::admin,
                            Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2026-12-22T00:00:00Z"),
                            Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2026-12-23T00:00:00Z"));
                }),
                new Case("/api/v1/api-keys", () -> {
                    String name = "idem-" + UUID.randomUUID();
                    return new Prepared("/api/v1/api-keys", Api::admin, Map.of("name", name, "roles", List.of("viewer")),
                            Map.of("name", name, "roles", List.of("sales")));
                }));
    }

    private static Map<String, Object> commitment(String key, String team, String calendar, int target) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("key", key);
        b.put("name", "Commitment " + key);
        b.put("teamKey", team);
        b.put("period", "week");
        b.put("calendarKey", calendar);
        b.put("metric", "handed_off");
        b.put("target", target);
        b.put("startsOn", "2026-11-16");
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creatingPosts")
    void aRetryReplaysTheFirstResponseAndADifferentBodyIsRefused(Case c) throws Exception {
        Prepared p = c.setup().get();
        String key = "idem-" + UUID.randomUUID();
        ExtractableResponse<Response> first = p.caller().get().header("Idempotency-Key", key).body(p.body())
                .post(p.path()).then().statusCode(201).header("Idempotency-Replayed", nullValue()).extract();
        ExtractableResponse<Response> replay = p.caller().get().header("Idempotency-Key", key).body(p.body())
                .post(p.path()).then().statusCode(201).header("Idempotency-Replayed", equalTo("true")).extract();
        assertEquals(JSON.readTree(first.asString()), JSON.readTree(replay.asString()), "the replay is the first body");
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(first.header("ETag"), replay.header("ETag"));
        p.caller().get().header("Idempotency-Key", key).body(p.otherBody()).post(p.path()).then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:idempotency-key-reused"));
        // a new key is a new request: the duplicate is refused as usual (or, for leads, updates the same lead)
        int again = p.caller().get().header("Idempotency-Key", key + "-2").body(p.body()).post(p.path()).then()
                .extract().statusCode();
        assertTrue(again == 409 || again == 200 || again == 201, p.path() + " answered " + again);
    }

    @Test
    void everyCreatingPostIsInTheTable() throws Exception {
        JsonNode contract = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Set<String> creating = new TreeSet<>();
        Set<String> withoutHeader = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode post = path.getValue().get("post");
            if (post != null && post.path("responses").has("201")) {
                creating.add(path.getKey());
                boolean declared = false;
                for (JsonNode parameter : post.path("parameters")) {
                    declared |= "header".equals(parameter.path("in").asText())
                            && "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText());
                }
                if (!declared) {
                    withoutHeader.add(path.getKey());
                }
            }
        }
        // The one exception: a stream token is single-use, so replaying the first response would hand out a token
        // that is already spent; the contract says so on createStreamToken and declares no Idempotency-Key there.
        creating.remove("/api/v1/alerts/stream-tokens");
        withoutHeader.remove("/api/v1/alerts/stream-tokens");
        List<String> table = new ArrayList<>(creatingPosts().map(Case::template).toList());
        assertEquals(creating, new TreeSet<>(table), "creating POSTs in the contract vs. this table");
        assertEquals(Set.of(), withoutHeader, "creating POSTs that do not declare Idempotency-Key");
    }
}
