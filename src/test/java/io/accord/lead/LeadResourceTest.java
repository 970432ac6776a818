package io.accord.lead;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadResourceTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** Stores a fit on a lead directly, as the ICP evaluator would. */
    void setFit(String leadId, String icpKey, String tier) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update leads set fit_icp_key = ?, fit_version = 1, fit_score = 90, fit_tier = ?, fit_qualified = true "
                        + "where id = ?")) {
            ps.setString(1, icpKey);
            ps.setString(2, tier);
            ps.setObject(3, UUID.fromString(leadId));
            assertEquals(1, ps.executeUpdate());
        }
    }

    // ------------------------------------------------------------------------------------------- intake

    @Test
    void pushingTheSameLeadAgainUpdatesItInsteadOfDuplicating() {
        String source = Api.slug("hubspot");
        String integrator = Api.newKey("integrator");
        Map<String, Object> body = Fixtures.lead(source, "c-1", "de");
        Response first = as(integrator).body(body).post("/api/v1/leads");
        first.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("new"))
                .body("company.country", equalTo("de"))
                .body("allowedActions", equalTo(List.of("hand_off", "assign")));
        String id = first.path("id");
        assertEquals(true, first.header("Location").endsWith("/api/v1/leads/" + id));
        as(integrator).body(body).post("/api/v1/leads").then().statusCode(200).body("id", equalTo(id));
        Map<String, Object> changed = Fixtures.lead(source, "c-1", "FR");
        as(integrator).body(changed).post("/api/v1/leads").then().statusCode(200)
                .body("id", equalTo(id))
                .body("company.country", equalTo("FR"));
        admin().queryParam("source", source).get("/api/v1/leads").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(id));
        admin().queryParam("resourceType", "lead").queryParam("resourceId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("lead.created", "lead.updated", "lead.updated")));
    }

    @Test
    void twentyConcurrentPushesOfTheSameLeadMakeOneRow() throws Exception {
        String source = Api.slug("race");
        Map<String, Object> body = Fixtures.lead(source, "same-lead", "DE");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return admin().body(body).post("/api/v1/leads");
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Future<Response> f : calls) {
            Response r = f.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            ids.add(r.path("id"));
        }
        pool.shutdown();
        assertEquals(Map.of(201, 1, 200, 19), statuses);
        assertEquals(1, ids.stream().distinct().count());
        admin().queryParam("source", source).get("/api/v1/leads").then().body("items.size()", equalTo(1));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String key = "push-" + UUID.randomUUID();
        Map<String, Object> body = Fixtures.lead(Api.slug("idem"), "c-1", "DE");
        String id = admin().header("Idempotency-Key", key).body(body).post("/api/v1/leads").then().statusCode(201)
                .extract().path("id");
        admin().header("Idempotency-Key", key).body(body).post("/api/v1/leads").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(id));
        admin().header("Idempotency-Key", key).body(Fixtures.lead(Api.slug("idem"), "c-2", "DE"))
                .post("/api/v1/leads").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:idempotency-key-reused"));
    }

    @Test
    void invalidLeadsAre422NamingEachField() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("source", " ");
        bad.put("status", "accepted");
        bad.put("company", Map.of("country", 49));
        admin().body(bad).post("/api/v1/leads").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors.field", hasItems("source", "externalId", "status", "company.country"));
        Map<String, Object> unknownTeam = Fixtures.lead(Api.slug("s"), "x", "DE");
        unknownTeam.put("teamKey", "no-such-team");
        admin().body(unknownTeam).post("/api/v1/leads").then().statusCode(422)
                .body("errors[0].field", equalTo("teamKey"));
        Map<String, Object> unknownField = Fixtures.lead(Api.slug("s"), "x", "DE");
        unknownField.put("colour", "red");
        admin().body(unknownField).post("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void onlyIntegratorsMarketingAndAdminsPushLeads() {
        Map<String, Object> body = Fixtures.lead(Api.slug("roles"), "c-1", "DE");
        as(Api.newKey("sales")).body(body).post("/api/v1/leads").then().statusCode(403);
        as(Api.newKey("viewer")).body(body).post("/api/v1/leads/bulk").then().statusCode(403);
        String id = as(Api.newKey("marketing")).body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
        as(Api.newKey("viewer")).get("/api/v1/leads/" + id).then().statusCode(200);
        admin().get("/api/v1/leads/" + UUID.randomUUID()).then().statusCode(404);
        admin().get("/api/v1/leads/not-a-uuid").then().statusCode(404);
    }

    @Test
    void fitIsEvaluatedAtIntakeReevaluatedBeforeHandOffAndFrozenAfter() {
        String marker = Api.slug("fit");
        String icp = Fixtures.activeIcp(marker);
        String source = Api.slug("fit");
        String id = admin().body(Fixtures.fittingLead(source, "f-1", "DE", marker, true)).post("/api/v1/leads").then()
                .statusCode(201)
                .body("fit.icpKey", equalTo(icp))
                .body("fit.version", equalTo(1))
                .body("fit.score", equalTo(100))
                .body("fit.tier", equalTo("A"))
                .body("fit.qualified", equalTo(true))
                .extract().path("id");
        // Before hand-off an update is evaluated again: without the region the lead scores 60, tier B.
        admin().body(Fixtures.fittingLead(source, "f-1", "DE", marker, false)).post("/api/v1/leads").then()
                .statusCode(200).body("fit.score", equalTo(60)).body("fit.tier", equalTo("B"));
        // Bulk intake evaluates too.
        admin().body(Map.of("items", List.of(Fixtures.fittingLead(source, "f-2", "DE", marker, true)))).post("/api/v1/leads/bulk")
                .then().statusCode(200).body("results[0].outcome", equalTo("created"));
        admin().queryParam("source", source).queryParam("tier", "A").get("/api/v1/leads").then()
                .body("items.externalId", equalTo(List.of("f-2")));

        String team = Fixtures.team("u-9", null);
        admin().body(Map.of("ownerId", "u-1", "teamKey", team)).post("/api/v1/leads/" + id + "/hand-off").then()
                .statusCode(200);
        // After hand-off the fit, owner and team are frozen; attributes still change.
        Map<String, Object> push = Fixtures.fittingLead(source, "f-1", "FR", marker, true);
        push.put("ownerId", "u-other");
        push.put("status", "new");
        admin().body(push).post("/api/v1/leads").then().statusCode(200)
                .body("fit.tier", equalTo("B"))
                .body("fit.score", equalTo(60))
                .body("company.country", equalTo("FR"))
                .body("company.region", equalTo(marker))
                .body("ownerId", equalTo("u-1"))
                .body("teamKey", equalTo(team))
                .body("status", equalTo("mql"));
    }

    // ------------------------------------------------------------------------------------------- bulk

    @Test
    void bulkWritesTheGoodItemsAndReportsEachBadOne() {
        String source = Api.slug("bulk");
        List<Object> items = new ArrayList<>();
        items.add(Fixtures.lead(source, "b-0", "DE"));                       // 0 created
        items.add(Fixtures.lead(source, "b-1", "FR"));                       // 1 created
        Map<String, Object> noId = Fixtures.lead(source, "x", "DE");
        noId.remove("externalId");
        items.add(noId);                                                     // 2 failed: externalId
        Map<String, Object> wrongType = Fixtures.lead(source, "b-3", "DE");
        wrongType.put("company", "Acme");
        items.add(wrongType);                                                // 3 failed: company shape
        Map<String, Object> unknownField = Fixtures.lead(source, "b-4", "DE");
        unknownField.put("colour", "red");
        items.add(unknownField);                                             // 4 failed: unknown field
        Map<String, Object> unknownTeam = Fixtures.lead(source, "b-5", "DE");
        unknownTeam.put("teamKey", "no-such-team");
        items.add(unknownTeam);                                              // 5 failed: team
        items.add(Fixtures.lead(source, "b-0", "IT"));                       // 6 updated: repeats item 0
        items.add("not an object");                                          // 7 failed
        String existing = Fixtures.ingest(Fixtures.lead(source, "b-8", "DE"));
        items.add(Fixtures.lead(source, "b-8", "ES"));                       // 8 updated: existed before

        Response r = as(Api.newKey("integrator")).body(Map.of("items", items)).post("/api/v1/leads/bulk");
        r.then().statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(2))
                .body("failed", equalTo(5))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)))
                .body("results.outcome", equalTo(List.of("created", "created", "failed", "failed", "failed", "failed",
                        "updated", "failed", "updated")))
                .body("results[2].problem.status", equalTo(422))
                .body("results[2].problem.errors[0].field", equalTo("items[2].externalId"))
                .body("results[3].problem.errors[0].field", equalTo("items[3].company"))
                .body("results[4].problem.errors[0].field", equalTo("items[4].colour"))
                .body("results[5].problem.errors[0].field", equalTo("items[5].teamKey"))
                .body("results[7].problem.errors[0].field", equalTo("items[7]"))
                .body("results[2].id", nullValue())
                .body("results[8].id", equalTo(existing));
        assertEquals((String) r.path("results[0].id"), r.path("results[6].id"));
        admin().get("/api/v1/leads/" + r.path("results[0].id")).then().body("company.country", equalTo("IT"));
        admin().queryParam("source", source).get("/api/v1/leads").then().body("items.size()", equalTo(3));
        admin().queryParam("resourceType", "lead_bulk").queryParam("limit", 200).get("/api/v1/audit-events").then()
                .body("items.summary", hasItem("Bulk intake of 9 leads: 2 created, 2 updated, 5 failed, 0 handed off"));
    }

    @Test
    void bulkNeedsOneToAThousandItems() {
        admin().body(Map.of("items", List.of())).post("/api/v1/leads/bulk").then().statusCode(422)
                .body("errors[0].field", equalTo("items"));
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Fixtures.lead("s", "x-" + i, null));
        }
        admin().body(Map.of("items", tooMany)).post("/api/v1/leads/bulk").then().statusCode(422)
                .body("detail", containsString("at most 1000"));
    }

    @Test
    void bulkOfAThousandLeadsIsWrittenAndAnIdempotentReplayReturnsTheSameResult() {
        String source = Api.slug("big");
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(Fixtures.lead(source, "k-" + i, i % 2 == 0 ? "DE" : "US"));
        }
        String key = "bulk-" + UUID.randomUUID();
        admin().header("Idempotency-Key", key).body(Map.of("items", items)).post("/api/v1/leads/bulk").then()
                .statusCode(200).body("created", equalTo(1000)).body("failed", equalTo(0));
        admin().header("Idempotency-Key", key).body(Map.of("items", items)).post("/api/v1/leads/bulk").then()
                .statusCode(200).header("Idempotency-Replayed", "true").body("created", equalTo(1000));
        admin().body(Map.of("items", items)).post("/api/v1/leads/bulk").then()
                .statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1000));
    }

    // ------------------------------------------------------------------------------------------- list

    @Test
    void listFiltersCombine() throws Exception {
        String source = Api.slug("list");
        String team = Fixtures.team("u-9", null);
        String a = Fixtures.ingest(Fixtures.lead(source, "a", "DE"));
        String b = Fixtures.ingest(Fixtures.lead(source, "b", "DE"));
        String c = Fixtures.ingest(Fixtures.lead(source, "c", "DE"));
        setFit(a, "icp-x", "gold");
        setFit(b, "icp-x", "silver");
        TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T10:00:00Z"));
        admin().body(Map.of("ownerId", "owner-1", "teamKey", team)).post("/api/v1/leads/" + a + "/hand-off").then()
                .statusCode(200);
        TestClock.INSTANCE.setTo(Instant.parse("2026-03-05T10:00:00Z"));
        admin().body(Map.of("ownerId", "owner-2")).post("/api/v1/leads/" + b + "/hand-off").then().statusCode(200);
        TestClock.INSTANCE.reset();

        admin().queryParam("source", source).get("/api/v1/leads").then().body("items.id", equalTo(List.of(a, b, c)));
        admin().queryParam("source", source).queryParam("status", "mql").get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(a, b)));
        admin().queryParam("source", source).queryParam("status", "new").get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(c)));
        admin().queryParam("ownerId", "owner-1").queryParam("source", source).get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(a)));
        admin().queryParam("teamKey", team).get("/api/v1/leads").then().body("items.id", equalTo(List.of(a)));
        admin().queryParam("icpKey", "icp-x").queryParam("source", source).get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(a, b)));
        admin().queryParam("tier", "silver").queryParam("source", source).get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(b)));
        admin().queryParam("source", source).queryParam("handedOffFrom", "2026-03-01T00:00:00Z")
                .queryParam("handedOffTo", "2026-03-04T00:00:00Z").get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(a)));
        admin().queryParam("source", source).queryParam("handedOffFrom", "2026-03-05T10:00:00Z")
                .get("/api/v1/leads").then().body("items.id", equalTo(List.of(b)));
        // Paging: one at a time, in creation order.
        String next = admin().queryParam("source", source).queryParam("limit", 2).get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(a, b))).extract().path("nextCursor");
        admin().queryParam("source", source).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/leads")
                .then().body("items.id", equalTo(List.of(c))).body("nextCursor", nullValue());
        admin().queryParam("status", "lost-in-space").get("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("handedOffFrom", "yesterday").get("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("handedOffFrom"));
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    @Test
    void illegalTransitionIs409WithTheAllowedActions() {
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("life"), "c-1", "DE"));
        String sales = Api.newKey("sales");
        as(sales).post("/api/v1/leads/" + id + "/accept").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:invalid-transition"))
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("new"))
                .body("action", equalTo("accept"))
                .body("allowedActions", equalTo(List.of("hand_off", "assign")));
        as(sales).body(Map.of("outcome", "won")).post("/api/v1/leads/" + id + "/close").then().statusCode(409);
        as(sales).post("/api/v1/leads/" + UUID.randomUUID() + "/accept").then().statusCode(404);
    }

    @Test
    void aLeadRunsTheWholeLifecycleAndEveryStepIsAudited() {
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("life"), "c-1", "DE"));
        String sales = Api.newKey("sales");
        as(Api.newKey("marketing")).body(Map.of("ownerId", "u-7")).post("/api/v1/leads/" + id + "/hand-off").then()
                .statusCode(200).body("status", equalTo("mql")).body("ownerId", equalTo("u-7"))
                .body("handedOffAt", notNullValue())
                .body("allowedActions", equalTo(List.of("accept", "reject", "recycle", "assign", "log_touch")));
        as(sales).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(403);
        as(sales).post("/api/v1/leads/" + id + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        as(sales).post("/api/v1/leads/" + id + "/qualify").then().statusCode(200).body("status", equalTo("qualified"));
        as(sales).body(Map.of("outcome", "maybe")).post("/api/v1/leads/" + id + "/close").then().statusCode(422)
                .body("errors[0].field", equalTo("outcome"));
        as(sales).body(Map.of("outcome", "won")).post("/api/v1/leads/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("won")).body("outcome", equalTo("won"))
                .body("allowedActions", equalTo(List.of("log_touch")));
        as(sales).post("/api/v1/leads/" + id + "/recycle").then().statusCode(409)
                .body("allowedActions", equalTo(List.of("log_touch")));
        admin().queryParam("resourceType", "lead").queryParam("resourceId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("lead.created", "lead.handed_off", "lead.accepted",
                        "lead.qualified", "lead.closed")));
    }

    @Test
    void rejectNeedsAKnownReasonAndANoteForOther() {
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("rej"), "c-1", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        String sales = Api.newKey("sales");
        as(sales).body(Map.of("reason", "too_expensive")).post("/api/v1/leads/" + id + "/reject").then()
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        as(sales).body(Map.of("reason", "other")).post("/api/v1/leads/" + id + "/reject").then()
                .statusCode(422).body("errors[0].field", equalTo("note"));
        as(sales).body(Map.of("reason", "other", "note", "Student project")).post("/api/v1/leads/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected"))
                .body("rejection.reason", equalTo("other")).body("rejection.note", equalTo("Student project"))
                .body("allowedActions", equalTo(List.of("recycle", "log_touch")));
        as(sales).post("/api/v1/leads/" + id + "/recycle").then().statusCode(200).body("status", equalTo("recycled"));
        as(Api.newKey("marketing")).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200)
                .body("status", equalTo("mql")).body("rejection", nullValue());
    }

    @Test
    void assignChangesOwnerAndTeam() {
        String team = Fixtures.team("u-9", null);
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("asg"), "c-1", "DE"));
        String manager = Api.newKey("sales_manager");
        as(manager).body(Map.of()).post("/api/v1/leads/" + id + "/assign").then().statusCode(422);
        as(manager).body(Map.of("teamKey", "no-such-team")).post("/api/v1/leads/" + id + "/assign").then()
                .statusCode(422).body("errors[0].field", equalTo("teamKey"));
        as(manager).body(Map.of("ownerId", "u-3", "teamKey", team)).post("/api/v1/leads/" + id + "/assign").then()
                .statusCode(200).body("ownerId", equalTo("u-3")).body("teamKey", equalTo(team));
        as(Api.newKey("sales")).body(Map.of("ownerId", "u-4")).post("/api/v1/leads/" + id + "/assign").then()
                .statusCode(403);
    }

    // ------------------------------------------------------------------------------------------- touches

    @Test
    void touchesAreLoggedListedAndValidated() {
        TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T09:00:00Z"));
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("touch"), "c-1", "DE"));
        String sales = Api.newKey("sales");
        Map<String, Object> call = new LinkedHashMap<>(Map.of("kind", "call", "occurredAt", "2026-03-02T08:45:00Z",
                "actorId", "u-7", "note", "Voicemail"));
        as(sales).body(call).post("/api/v1/leads/" + id + "/touches").then().statusCode(409)
                .body("allowedActions", equalTo(List.of("hand_off", "assign")));
        TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T09:30:00Z"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);

        TestClock.INSTANCE.setTo(Instant.parse("2026-03-02T12:00:00Z"));
        Map<String, Object> future = new LinkedHashMap<>(call);
        future.put("occurredAt", "2026-03-02T12:01:01Z");
        as(sales).body(future).post("/api/v1/leads/" + id + "/touches").then().statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
        future.put("occurredAt", "2026-03-02T12:01:00Z");
        as(sales).body(future).post("/api/v1/leads/" + id + "/touches").then().statusCode(201);
        Map<String, Object> badKind = new LinkedHashMap<>(call);
        badKind.put("kind", "fax");
        as(sales).body(badKind).post("/api/v1/leads/" + id + "/touches").then().statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        as(Api.newKey("marketing")).body(call).post("/api/v1/leads/" + id + "/touches").then().statusCode(403);

        TestClock.INSTANCE.advance(java.time.Duration.ofSeconds(1));
        String key = "touch-" + UUID.randomUUID();
        String location = as(sales).header("Idempotency-Key", key).body(call).post("/api/v1/leads/" + id + "/touches")
                .then().statusCode(201).body("kind", equalTo("call")).body("actorId", equalTo("u-7"))
                .extract().header("Location");
        as(sales).header("Idempotency-Key", key).body(call).post("/api/v1/leads/" + id + "/touches").then()
                .statusCode(201).header("Idempotency-Replayed", "true");
        admin().get(location).then().statusCode(200).body("note", equalTo("Voicemail"));

        admin().queryParam("limit", 1).get("/api/v1/leads/" + id + "/touches").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        admin().get("/api/v1/leads/" + id + "/touches").then().body("items.size()", equalTo(2))
                .body("items.occurredAt", equalTo(List.of("2026-03-02T12:01:00Z", "2026-03-02T08:45:00Z")));
        admin().get("/api/v1/leads/" + UUID.randomUUID() + "/touches").then().statusCode(404);
        admin().queryParam("resourceType", "lead").queryParam("resourceId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("lead.created", "lead.handed_off", "lead.touch_logged",
                        "lead.touch_logged")));
    }
}
