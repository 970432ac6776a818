package io.accord.sla;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SLA clocks through the API on the real database: start, deadlines, meeting, lateness, cancelling, the board. */
@QuarkusTest
class SlaClockTest {

    /** Friday 2026-11-20 15:00 in Berlin. */
    static final Instant FRIDAY_15H_BERLIN = Instant.parse("2026-11-20T14:00:00Z");

    @Inject
    AgroalDataSource db;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** A fresh source with its own standard policy on a Berlin 9-5 calendar; returns the source. */
    static String sourceWithPolicy() {
        String source = Api.slug("sla");
        Fixtures.createPolicy(Fixtures.policy(source, 10, Fixtures.berlinNineToFive(), Map.of("sources", List.of(source)),
                Fixtures.standardMilestones()));
        return source;
    }

    static JsonPath slaOf(String leadId) {
        return admin().get("/api/v1/leads/" + leadId + "/sla").then().statusCode(200).extract().jsonPath();
    }

    /** The lead's clock of a milestone: the running one if any, else the latest. */
    static Map<String, Object> clock(JsonPath sla, String milestone) {
        List<Map<String, Object>> clocks = sla.<Map<String, Object>>getList("clocks").stream()
                .filter(c -> milestone.equals(c.get("milestone"))).toList();
        return clocks.stream().filter(c -> "running".equals(c.get("status"))).findFirst()
                .orElse(clocks.get(clocks.size() - 1));
    }

    static void touch(String leadId, String occurredAt) {
        as(Api.newKey("sales")).body(Map.of("kind", "call", "occurredAt", occurredAt, "actorId", "u-7"))
                .post("/api/v1/leads/" + leadId + "/touches").then().statusCode(201);
    }

    void setFit(String leadId, String tier) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update leads set fit_icp_key = 'icp-sql', fit_version = 1, fit_score = 90, fit_tier = ?, "
                        + "fit_qualified = true where id = ?")) {
            ps.setString(1, tier);
            ps.setObject(2, UUID.fromString(leadId));
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void handOffOnFridayAfternoonIsDueOnMondayOnThePolicyCalendar() {
        String source = sourceWithPolicy();
        String team = Fixtures.team("mgr-1", null);
        TestClock.INSTANCE.setTo(FRIDAY_15H_BERLIN);
        String id = Fixtures.ingest(Fixtures.lead(source, "weekend", "DE"));
        admin().body(Map.of("ownerId", "u-7", "teamKey", team)).post("/api/v1/leads/" + id + "/hand-off").then()
                .statusCode(200).body("handedOffAt", equalTo("2026-11-20T14:00:00Z"));
        JsonPath s = slaOf(id);
        assertEquals("covered", s.getString("coverage"));
        assertEquals(source, s.getString("policy.key"));
        assertEquals(1, s.getInt("policy.revision"));
        assertEquals(List.of("first_touch", "decision", "attempts", "qualification"),
                s.getList("clocks").stream().map(c -> ((Map<?, ?>) c).get("milestone")).sorted(
                        java.util.Comparator.comparing(m -> List.of("first_touch", "decision", "attempts",
                                "qualification").indexOf(m))).toList());
        // By hand, Berlin 09:00-17:00 on weekdays, start Friday 15:00 (2h left that day):
        // first_touch PT4H: 2h Friday + 2h Monday → Monday 11:00 Berlin = 10:00Z;
        // warnAt 0.75 → 3h → Monday 10:00 Berlin = 09:00Z; escalateAfter PT2H → Monday 13:00 Berlin = 12:00Z.
        Map<String, Object> first = clock(s, "first_touch");
        assertEquals("2026-11-20T14:00:00Z", first.get("startedAt"));
        assertEquals("2026-11-23T09:00:00Z", first.get("warnAt"));
        assertEquals("2026-11-23T10:00:00Z", first.get("dueAt"));
        assertEquals("2026-11-23T12:00:00Z", first.get("escalateAt"));
        assertEquals("running", first.get("status"));
        assertEquals(false, first.get("overdue"));
        assertEquals(source, first.get("policyKey"));
        assertEquals("u-7", first.get("ownerId"));
        assertEquals(team, first.get("teamKey"));
        // decision P1D = 24h of business time: 2h Fri + 8h Mon + 8h Tue + 6h Wed → Wednesday 15:00 Berlin = 14:00Z.
        assertEquals("2026-11-25T14:00:00Z", clock(s, "decision").get("dueAt"));
        assertEquals(null, clock(s, "decision").get("warnAt"));
        // attempts P5D = 120h: 2h Fri + 14 full days (112h) + 6h on Friday 11 December → 15:00 Berlin.
        assertEquals("2026-12-11T14:00:00Z", clock(s, "attempts").get("dueAt"));
        assertEquals(3, clock(s, "attempts").get("attempts"));
        assertEquals(List.of("hand_off"), s.getList("timeline.kind"));

        // Editing the calendar afterwards never moves the stored deadlines.
        String calendar = admin().get("/api/v1/sla-policies/" + source).then().extract().path("calendarKey");
        String etag = admin().get("/api/v1/calendars/" + calendar).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("name", "Berlin 8-18", "timeZone", "Europe/Berlin",
                        "hours", List.of(Map.of("day", "monday", "start", "08:00", "end", "18:00"))))
                .put("/api/v1/calendars/" + calendar).then().statusCode(200);
        assertEquals("2026-11-23T10:00:00Z", clock(slaOf(id), "first_touch").get("dueAt"));
        assertEquals("2026-11-25T14:00:00Z", clock(slaOf(id), "decision").get("dueAt"));
    }

    @Test
    void noMatchingPolicyMeansNoClocksAndTheSlaViewSaysSo() {
        String id = Fixtures.ingest(Fixtures.lead(Api.slug("orphan"), "o-1", "DE"));
        assertEquals("not_handed_off", slaOf(id).getString("coverage"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        JsonPath s = slaOf(id);
        assertEquals("no_policy", s.getString("coverage"));
        assertEquals((Object) null, s.get("policy"));
        assertEquals(0, s.getList("clocks").size());
        assertTrue(s.getString("note").startsWith("No SLA policy matched"), s.getString("note"));
        assertTrue(s.getString("timeline[0].summary").contains("no SLA policy matched"));
    }

    @Test
    void touchesMeetFirstTouchAndTheNthTouchMeetsAttempts() {
        String source = sourceWithPolicy();
        TestClock.INSTANCE.setTo(FRIDAY_15H_BERLIN);
        String id = Fixtures.ingest(Fixtures.lead(source, "t", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-20T16:00:00Z"));
        touch(id, "2026-11-20T13:00:00Z"); // before the hand-off: counts for neither clock
        assertEquals("running", clock(slaOf(id), "first_touch").get("status"));
        touch(id, "2026-11-20T14:30:00Z");
        JsonPath s = slaOf(id);
        assertEquals("met", clock(s, "first_touch").get("status"));
        assertEquals("2026-11-20T14:30:00Z", clock(s, "first_touch").get("metAt"));
        assertEquals(false, clock(s, "first_touch").get("late"));
        assertEquals("running", clock(s, "attempts").get("status"));
        touch(id, "2026-11-20T15:45:00Z");
        assertEquals("running", clock(slaOf(id), "attempts").get("status"));
        touch(id, "2026-11-20T15:00:00Z"); // logged last, happened second: the third touch is 15:45
        s = slaOf(id);
        assertEquals("met", clock(s, "attempts").get("status"));
        assertEquals("2026-11-20T15:45:00Z", clock(s, "attempts").get("metAt"));
        assertEquals("running", clock(s, "decision").get("status"));
        List<String> kinds = s.getList("timeline.kind");
        assertEquals(4, kinds.stream().filter("touch"::equals).count());
        assertEquals(2, kinds.stream().filter("met"::equals).count());
    }

    @Test
    void aClockMetAfterItsDueDateIsMetLateAndOverdueBeforeThat() {
        String source = sourceWithPolicy();
        TestClock.INSTANCE.setTo(FRIDAY_15H_BERLIN);
        String id = Fixtures.ingest(Fixtures.lead(source, "late", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        // Monday 11:30 Berlin: first_touch was due at 11:00 Berlin (10:00Z).
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-23T10:30:00Z"));
        Map<String, Object> overdue = clock(slaOf(id), "first_touch");
        assertEquals("running", overdue.get("status"));
        assertEquals(true, overdue.get("overdue"));
        assertEquals(false, clock(slaOf(id), "decision").get("overdue"));
        admin().queryParam("status", "running").queryParam("dueBefore", "2026-11-23T10:00:01Z")
                .queryParam("milestone", "first_touch").queryParam("limit", 200).get("/api/v1/sla-clocks").then()
                .statusCode(200).body("items.leadId", hasItem(id));

        touch(id, "2026-11-23T10:30:00Z");
        as(Api.newKey("sales")).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
        JsonPath s = slaOf(id);
        Map<String, Object> first = clock(s, "first_touch");
        assertEquals("met", first.get("status"));
        assertEquals(true, first.get("late"));
        assertEquals(false, first.get("overdue"));
        assertEquals("2026-11-23T10:30:00Z", first.get("metAt"));
        Map<String, Object> decision = clock(s, "decision");
        assertEquals("met", decision.get("status"));
        assertEquals(false, decision.get("late"));
        assertEquals("2026-11-23T10:30:00Z", decision.get("metAt"), "the action time from the clock");
        // The timeline shows the breach at the due date, then the late touch and the met clocks.
        List<String> kinds = s.getList("timeline.kind");
        List<String> ats = s.getList("timeline.at");
        assertEquals(List.of("hand_off", "breached", "accept", "touch", "met", "met"), kinds);
        assertEquals("2026-11-23T10:00:00Z", ats.get(1));
    }

    @Test
    void rejectingMeetsDecisionAndQualificationAndCancelsTheRest() {
        String source = sourceWithPolicy();
        String id = Fixtures.ingest(Fixtures.lead(source, "rej", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        as(Api.newKey("sales")).body(Map.of("reason", "no_budget")).post("/api/v1/leads/" + id + "/reject").then()
                .statusCode(200);
        JsonPath s = slaOf(id);
        assertEquals("met", clock(s, "decision").get("status"));
        assertEquals("met", clock(s, "qualification").get("status"));
        assertEquals("cancelled", clock(s, "first_touch").get("status"));
        assertEquals("cancelled", clock(s, "attempts").get("status"));
        assertTrue(s.getList("timeline.kind").contains("cancelled"));
    }

    @Test
    void qualifyingMeetsQualificationAndClosingCancelsWhatStillRuns() {
        String source = sourceWithPolicy();
        String id = Fixtures.ingest(Fixtures.lead(source, "won", "DE"));
        String sales = Api.newKey("sales");
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        as(sales).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
        as(sales).post("/api/v1/leads/" + id + "/qualify").then().statusCode(200);
        JsonPath s = slaOf(id);
        assertEquals("met", clock(s, "qualification").get("status"));
        assertEquals("running", clock(s, "first_touch").get("status"));
        as(sales).body(Map.of("outcome", "lost")).post("/api/v1/leads/" + id + "/close").then().statusCode(200);
        s = slaOf(id);
        assertEquals("cancelled", clock(s, "first_touch").get("status"));
        assertEquals("cancelled", clock(s, "attempts").get("status"));
        assertEquals("met", clock(s, "decision").get("status"));
    }

    @Test
    void recyclingCancelsAndHandingOffAgainStartsNewClocksOnTheNewRevision() {
        String source = sourceWithPolicy();
        String id = Fixtures.ingest(Fixtures.lead(source, "again", "DE"));
        String other = Fixtures.ingest(Fixtures.lead(source, "stays", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        admin().post("/api/v1/leads/" + other + "/hand-off").then().statusCode(200);
        String otherDueBefore = (String) clock(slaOf(other), "first_touch").get("dueAt");

        // Edit the policy: revision 2 with an 8h first touch.
        String etag = admin().get("/api/v1/sla-policies/" + source).then().extract().header("ETag");
        Map<String, Object> change = Fixtures.policy(source, 10, (String) admin().get("/api/v1/sla-policies/" + source)
                .then().extract().path("calendarKey"), Map.of("sources", List.of(source)),
                List.of(Fixtures.milestone("first_touch", "PT8H")));
        admin().header("If-Match", etag).body(change).put("/api/v1/sla-policies/" + source).then().statusCode(200)
                .body("revision", equalTo(2));

        as(Api.newKey("marketing")).post("/api/v1/leads/" + id + "/recycle").then().statusCode(200);
        JsonPath s = slaOf(id);
        assertEquals(4, s.getList("clocks").size());
        assertTrue(s.getList("clocks.status").stream().allMatch("cancelled"::equals));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        s = slaOf(id);
        assertEquals(5, s.getList("clocks").size(), "4 cancelled of revision 1, 1 running of revision 2");
        assertEquals(2, s.getInt("policy.revision"));
        List<Map<String, Object>> running = s.<Map<String, Object>>getList("clocks").stream()
                .filter(c -> c.get("status").equals("running")).toList();
        assertEquals(1, running.size());
        assertEquals(2, running.get(0).get("policyRevision"));
        assertEquals("PT8H", running.get(0).get("target"));
        // The other lead's running clocks kept revision 1 and their deadlines.
        Map<String, Object> kept = clock(slaOf(other), "first_touch");
        assertEquals(1, kept.get("policyRevision"));
        assertEquals(otherDueBefore, kept.get("dueAt"));
        assertEquals(List.of("hand_off", "recycle", "hand_off"), s.<String>getList("timeline.kind").stream()
                .filter(k -> !k.equals("cancelled")).toList());
    }

    @Test
    void intakeWithStatusMqlHandsOffAtOnceAlsoInBulk() {
        String source = sourceWithPolicy();
        Map<String, Object> single = Fixtures.lead(source, "single", "DE");
        single.put("status", "mql");
        String id = admin().body(single).post("/api/v1/leads").then().statusCode(201).body("status", equalTo("mql"))
                .extract().path("id");
        assertEquals(4, slaOf(id).getList("clocks").size());
        // Pushing it again with mql does not hand it off twice.
        admin().body(single).post("/api/v1/leads").then().statusCode(200);
        assertEquals(4, slaOf(id).getList("clocks").size());

        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> lead = Fixtures.lead(source, "bulk-" + i, "DE");
            lead.put("status", i < 3 ? "mql" : "new");
            items.add(lead);
        }
        JsonPath r = admin().body(Map.of("items", items)).post("/api/v1/leads/bulk").then().statusCode(200)
                .extract().jsonPath();
        for (int i = 0; i < 5; i++) {
            JsonPath s = slaOf(r.getString("results[" + i + "].id"));
            assertEquals(i < 3 ? 4 : 0, s.getList("clocks").size());
            assertEquals(i < 3 ? "covered" : "not_handed_off", s.getString("coverage"));
        }
        admin().queryParam("resourceType", "lead_bulk").queryParam("limit", 200).get("/api/v1/audit-events").then()
                .body("items.summary", hasItem("Bulk intake of 5 leads: 5 created, 0 updated, 0 failed, 3 handed off"));
    }

    @Test
    void tierAndIcpConditionsUseTheFitFromARealActivatedIcp() {
        String marker = Api.slug("tier");
        String icp = Fixtures.activeIcp(marker);
        String calendar = Fixtures.berlinNineToFive();
        String source = Api.slug("tiers");
        List<Map<String, Object>> ms = List.of(Fixtures.milestone("first_touch", "PT4H"));
        Fixtures.createPolicy(Fixtures.policy(source + "-tier-a", 50, calendar,
                Map.of("sources", List.of(source), "tiers", List.of("A"), "icpKeys", List.of(icp)), ms));
        Fixtures.createPolicy(Fixtures.policy(source + "-any", 10, calendar, Map.of("sources", List.of(source)), ms));
        Map<String, Object> tierA = Fixtures.fittingLead(source, "a", "DE", marker, true);
        tierA.put("status", "mql");
        String a = admin().body(tierA).post("/api/v1/leads").then().statusCode(201).body("fit.tier", equalTo("A"))
                .extract().path("id");
        String b = Fixtures.ingest(Fixtures.fittingLead(source, "b", "DE", marker, false));
        admin().post("/api/v1/leads/" + b + "/hand-off").then().statusCode(200).body("fit.tier", equalTo("B"));
        assertEquals(source + "-tier-a", slaOf(a).getString("policy.key"));
        assertEquals("A", clock(slaOf(a), "first_touch").get("tier"));
        assertEquals(source + "-any", slaOf(b).getString("policy.key"));
        assertEquals("B", clock(slaOf(b), "first_touch").get("tier"));
        // The preview evaluates a lead that was never pushed against the same ICP.
        admin().body(Map.of("lead", Fixtures.fittingLead(source, "c", "DE", marker, true)))
                .post("/api/v1/sla-policies/preview").then().statusCode(200)
                .body("facts.tier", equalTo("A")).body("facts.icpKey", equalTo(icp))
                .body("policy.key", equalTo(source + "-tier-a"));
    }

    @Test
    void tierConditionsAlsoApplyToAFitStoredDirectly() throws Exception {
        String calendar = Fixtures.berlinNineToFive();
        String source = Api.slug("sqltier");
        List<Map<String, Object>> ms = List.of(Fixtures.milestone("first_touch", "PT4H"));
        Fixtures.createPolicy(Fixtures.policy(source + "-gold", 50, calendar,
                Map.of("sources", List.of(source), "tiers", List.of("gold")), ms));
        String a = Fixtures.ingest(Fixtures.lead(source, "a", "DE"));
        setFit(a, "gold");
        admin().post("/api/v1/leads/" + a + "/hand-off").then().statusCode(200);
        assertEquals(source + "-gold", slaOf(a).getString("policy.key"));
    }

    @Test
    void assigningMovesOnlyRunningClocks() {
        String source = sourceWithPolicy();
        String team = Fixtures.team("mgr-2", null);
        String id = Fixtures.ingest(Fixtures.lead(source, "asg", "DE"));
        admin().body(Map.of("ownerId", "u-1")).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        as(Api.newKey("sales")).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
        admin().body(Map.of("ownerId", "u-2", "teamKey", team)).post("/api/v1/leads/" + id + "/assign").then()
                .statusCode(200);
        JsonPath s = slaOf(id);
        assertEquals("u-1", clock(s, "decision").get("ownerId"), "met before the reassignment");
        assertEquals("u-2", clock(s, "first_touch").get("ownerId"));
        assertEquals(team, clock(s, "first_touch").get("teamKey"));
        admin().queryParam("ownerId", "u-2").queryParam("teamKey", team).get("/api/v1/sla-clocks").then()
                .statusCode(200).body("items.size()", equalTo(3)).body("items.milestone", not(hasItem("decision")));
    }

    @Test
    void theBoardIsOrderedByDueDateAndFiltered() {
        String source = sourceWithPolicy();
        String team = Fixtures.team("mgr-3", null);
        TestClock.INSTANCE.setTo(FRIDAY_15H_BERLIN);
        String id = Fixtures.ingest(Fixtures.lead(source, "board", "DE"));
        admin().body(Map.of("teamKey", team)).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        List<String> due = admin().queryParam("teamKey", team).get("/api/v1/sla-clocks").then().statusCode(200)
                .extract().jsonPath().getList("items.dueAt");
        assertEquals(List.of("2026-11-23T10:00:00Z", "2026-11-25T14:00:00Z", "2026-12-11T14:00:00Z",
                "2027-01-01T14:00:00Z"), due);
        String next = admin().queryParam("teamKey", team).queryParam("limit", 3).get("/api/v1/sla-clocks").then()
                .body("items.size()", equalTo(3)).extract().path("nextCursor");
        admin().queryParam("teamKey", team).queryParam("limit", 3).queryParam("cursor", next).get("/api/v1/sla-clocks")
                .then().body("items.dueAt", equalTo(List.of("2027-01-01T14:00:00Z"))).body("nextCursor", nullValue());
        admin().queryParam("teamKey", team).queryParam("dueBefore", "2026-12-01T00:00:00Z")
                .queryParam("status", "running").get("/api/v1/sla-clocks").then()
                .body("items.milestone", equalTo(List.of("first_touch", "decision")));
        admin().queryParam("teamKey", team).queryParam("milestone", "attempts").get("/api/v1/sla-clocks").then()
                .body("items.attempts", equalTo(List.of(3)));
        admin().queryParam("status", "sleeping").get("/api/v1/sla-clocks").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("milestone", "lunch").get("/api/v1/sla-clocks").then().statusCode(400);
    }

    @Test
    void aPolicyWithClocksCannotBeDeleted() {
        String source = sourceWithPolicy();
        String id = Fixtures.ingest(Fixtures.lead(source, "del", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        String etag = admin().get("/api/v1/sla-policies/" + source).then().extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/sla-policies/" + source).then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:in-use"));
    }
}
