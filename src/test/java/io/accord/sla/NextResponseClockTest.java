package io.accord.sla;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recurring next_response milestone on the real database: each inbound message without a live cycle starts one,
 * the next touch meets it, and each cycle is its own clock with its own alerts and report row.
 */
@QuarkusTest
class NextResponseClockTest {

    @Inject
    BreachDetector detector;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static void now(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
    }

    private static List<Map<String, Object>> cycles(String leadId) {
        JsonPath sla = admin().get("/api/v1/leads/" + leadId + "/sla").then().statusCode(200).extract().jsonPath();
        return sla.<Map<String, Object>>getList("clocks").stream()
                .filter(c -> "next_response".equals(c.get("milestone"))).toList();
    }

    private static int inbound(String sales, String leadId, String occurredAt) {
        Integer cycle = as(sales).body(Map.of("channel", "email", "occurredAt", occurredAt))
                .post("/api/v1/leads/" + leadId + "/inbound").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/leads/" + leadId + "/inbound/"))
                .extract().path("startedCycle");
        return cycle == null ? 0 : cycle;
    }

    private static void touch(String sales, String leadId, String occurredAt) {
        as(sales).body(Map.of("kind", "email", "occurredAt", occurredAt, "actorId", "u-7"))
                .post("/api/v1/leads/" + leadId + "/touches").then().statusCode(201);
    }

    @Test
    void eachInboundMessageWithoutALiveCycleStartsOneThatTheNextTouchMeets() {
        String source = Api.slug("next");
        Map<String, Object> next = Fixtures.milestone("next_response", "PT1H");
        Fixtures.createPolicy(Fixtures.policy(source, 10, Fixtures.berlinNineToFive(),
                Map.of("sources", List.of(source)), List.of(Fixtures.milestone("first_touch", "PT4H"), next)));
        // Monday 2026-11-23 09:00 Berlin.
        now("2026-11-23T08:00:00Z");
        String id = Fixtures.ingest(Fixtures.lead(source, Api.slug("ext"), "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        assertEquals(List.of(), cycles(id), "not started at hand-off");
        String sales = Api.newKey("sales");

        now("2026-11-23T08:30:00Z");
        assertEquals(1, inbound(sales, id, "2026-11-23T08:30:00Z"));
        now("2026-11-23T08:45:00Z");
        assertEquals(0, inbound(sales, id, "2026-11-23T08:40:00Z"), "the oldest unanswered message sets the clock");
        List<Map<String, Object>> cycles = cycles(id);
        assertEquals(1, cycles.size());
        assertEquals("2026-11-23T08:30:00Z", cycles.get(0).get("startedAt"));
        assertEquals("2026-11-23T09:30:00Z", cycles.get(0).get("dueAt"));

        now("2026-11-23T09:00:00Z");
        touch(sales, id, "2026-11-23T09:00:00Z");
        cycles = cycles(id);
        assertEquals("met", cycles.get(0).get("status"));
        assertEquals(false, cycles.get(0).get("late"));

        now("2026-11-23T10:00:00Z");
        assertEquals(2, inbound(sales, id, "2026-11-23T10:00:00Z"));
        now("2026-11-23T11:00:00Z");
        detector.drain().await().indefinitely();
        cycles = cycles(id);
        assertEquals(2, cycles.size());
        assertEquals(2, cycles.get(1).get("cycle"));
        assertEquals("breached", cycles.get(1).get("status"));
        String breachedClock = (String) cycles.get(1).get("id");
        admin().queryParam("leadId", id).queryParam("kind", "sla.breached").get("/api/v1/alerts").then()
                .statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].milestone", equalTo("next_response"))
                .body("items[0].clockId", equalTo(breachedClock));

        now("2026-11-23T11:30:00Z");
        touch(sales, id, "2026-11-23T11:30:00Z");
        cycles = cycles(id);
        assertEquals("met", cycles.get(1).get("status"));
        assertEquals(true, cycles.get(1).get("late"));

        now("2026-11-23T12:00:00Z");
        assertEquals(3, inbound(sales, id, "2026-11-23T12:00:00Z"));
        assertEquals("running", cycles(id).get(2).get("status"));
        admin().get("/api/v1/leads/" + id + "/inbound").then().statusCode(200)
                .body("items.startedCycle", equalTo(java.util.Arrays.asList(1, null, 2, 3)));

        // Each cycle is a row of the compliance report: one on time, one late, one running.
        as(Api.newKey("viewer")).queryParam("from", "2026-11-23T00:00:00Z").queryParam("to", "2026-11-24T00:00:00Z")
                .queryParam("source", source).queryParam("milestone", "next_response")
                .get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("total.clocks", equalTo(3)).body("total.metOnTime", equalTo(1))
                .body("total.metLate", equalTo(1)).body("total.running", equalTo(1));
    }

    @Test
    void anInboundMessageOnALeadOutOfTheFunnelIsStoredWithoutAClock() {
        String source = Api.slug("next");
        Fixtures.createPolicy(Fixtures.policy(source, 10, Fixtures.berlinNineToFive(),
                Map.of("sources", List.of(source)), List.of(Fixtures.milestone("first_touch", "PT4H"),
                        Fixtures.milestone("next_response", "PT1H"))));
        now("2026-11-23T08:00:00Z");
        String id = Fixtures.ingest(Fixtures.lead(source, Api.slug("ext"), "DE"));
        String sales = Api.newKey("sales");
        assertEquals(0, inbound(sales, id, "2026-11-23T07:00:00Z"), "a new lead has no clocks");
        as(sales).body(Map.of("channel", "pigeon", "occurredAt", "2026-11-23T07:00:00Z"))
                .post("/api/v1/leads/" + id + "/inbound").then().statusCode(422);
        as(sales).body(Map.of("channel", "email", "occurredAt", "2026-11-23T09:00:00Z"))
                .post("/api/v1/leads/" + id + "/inbound").then().statusCode(422);
        as(Api.newKey("viewer")).body(Map.of("channel", "email", "occurredAt", "2026-11-23T07:00:00Z"))
                .post("/api/v1/leads/" + id + "/inbound").then().statusCode(403);
        admin().get("/api/v1/leads/" + id + "/sla").then().body("clocks.size()", equalTo(0))
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("inbound"));
    }

    @Test
    void aPolicyWithOnlyANextResponseMilestoneIsRefused() {
        admin().body(Fixtures.policy(Api.slug("next"), 10, Fixtures.berlinNineToFive(), Map.of(),
                        List.of(Fixtures.milestone("next_response", "PT1H"))))
                .post("/api/v1/sla-policies").then().statusCode(422)
                .body("errors[0].field", equalTo("milestones"));
        admin().get("/api/v1/leads/" + java.util.UUID.randomUUID() + "/inbound").then().statusCode(404)
                .body("type", equalTo("urn:accord:problem:not-found")).body("instance", org.hamcrest.Matchers.notNullValue());
    }
}
