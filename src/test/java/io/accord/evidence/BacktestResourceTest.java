package io.accord.evidence;

import static io.accord.evidence.EvidenceData.Fate.ACCEPTED;
import static io.accord.evidence.EvidenceData.Fate.REJECTED;
import static io.accord.evidence.EvidenceData.Fate.WON;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.evidence.EvidenceData.Fate;
import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backtests on generated history with a known truth: being a partner ({@code custom.partner}) really drives wins. The
 * figures asserted here are worked out by hand in the comments.
 */
@QuarkusTest
class BacktestResourceTest {

    private static final Instant JUNE = Instant.parse("2026-06-01T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    BacktestJobs jobs;

    /**
     * 40 leads, 10 per group. Version 1 (the draft backtested): {@code company.industry in [software]} (60) and
     * {@code company.employees gte 100} (40); tiers A ≥ 80, B ≥ 50, C ≥ 0.
     *
     * <pre>
     * group  industry  employees partner  score tier | won accepted-only rejected (reasons)          | fit at hand-off
     * G1     software  200       true     100   A    | 6   2             2 no_budget                   | A 90
     * G2     software  50        false    60    B    | 1   4             3 not_icp_fit, 2 no_budget    | A 85
     * G3     retail    500       true     40    C    | 3   3             4 not_icp_fit                 | B 55
     * G4     retail    10        false    0     C    | 0   2             6 not_icp_fit, 2 competitor   | C 10 (2 of them: another ICP)
     * </pre>
     *
     * First touches: G1 after 1..10 hours, the first 5 of G2 after 1..5 hours, none in G3 and G4.
     */
    private String history(EvidenceData data, String key) {
        group(data, key, "software", 200, true, 90, "A", new int[] {6, 2, 2}, "no_budget", null, 10);
        group(data, key, "software", 50, false, 85, "A", new int[] {1, 4, 5}, "not_icp_fit", "no_budget", 5);
        group(data, key, "retail", 500, true, 55, "B", new int[] {3, 3, 4}, "not_icp_fit", null, 0);
        group(data, key, "retail", 10, false, 10, "C", new int[] {0, 2, 8}, "not_icp_fit", "competitor", 0);
        return key;
    }

    private static int serial;

    private static void group(EvidenceData data, String key, String industry, int employees, boolean partner,
            int fitScore, String fitTier, int[] fates, String reason, String secondReason, int touched) {
        int i = 0;
        for (int f = 0; f < 3; f++) {
            for (int k = 0; k < fates[f]; k++, i++) {
                Fate fate = Fate.values()[f];
                // G2: 3 not_icp_fit then 2 no_budget; G4: 6 not_icp_fit then 2 competitor
                String why = fate != REJECTED ? null : secondReason != null && k >= fates[2] - 2 ? secondReason : reason;
                boolean otherIcp = fitTier.equals("C") && i >= 8;
                int n = serial++;
                data.lead(JUNE.plus(Duration.ofHours(n)),
                        "{\"name\": \"Co " + n + "\", \"industry\": \"" + industry + "\", \"employees\": " + employees + "}",
                        "{\"partner\": " + partner + ", \"campaign\": \"webinar\"}",
                        otherIcp ? "another-icp" : key, 1, fitScore, fitTier, fate, why,
                        i < touched ? Duration.ofHours(i + 1) : null);
            }
        }
    }

    private static List<Map<String, Object>> criteria() {
        return List.of(EvidenceData.criterion("company.industry", "in", List.of("software"), 60),
                EvidenceData.criterion("company.employees", "gte", "100", 40));
    }

    @Test
    void theFiguresOfABacktestMatchTheHandWorkedNumbersAndThePartnerTraitIsSuggested() {
        EvidenceData data = new EvidenceData(pool);
        String key = EvidenceData.icpWithDraft(criteria());
        history(data, key);

        JsonPath body = admin().body(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-07-01T00:00:00Z",
                        "filters", Map.of("source", data.source)))
                .post("/api/v1/icps/" + key + "/versions/1/backtest").then().statusCode(200)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/icp-backtests/"))
                .body("status", equalTo("done"))
                .body("version", equalTo(1))
                .body("leads", equalTo(40))
                .extract().jsonPath();

        // The version backtested: A = G1, B = G2, C = G3 + G4.
        assertEquals(40, body.getInt("result.leads"));
        assertGroup(body, "result.candidate.all", null, 40, 10, "52.5", "25.0", "25.0", "47.5", "PT4H", "1.00");
        assertGroup(body, "result.candidate.tiers[0]", "A", 10, 6, "80.0", "60.0", "60.0", "20.0", "PT5H30M", "2.40");
        assertGroup(body, "result.candidate.tiers[1]", "B", 10, 1, "50.0", "10.0", "10.0", "50.0", "PT3H", "0.40");
        assertGroup(body, "result.candidate.tiers[2]", "C", 20, 3, "40.0", "15.0", "15.0", "60.0", null, "0.60");
        assertEquals("25.0", body.getString("result.candidate.tiers[0].share"));
        assertEquals("50.0", body.getString("result.candidate.tiers[2].share"));
        assertEquals(List.of(Map.of("reason", "no_budget", "leads", 2, "share", 100.0f)),
                body.getList("result.candidate.tiers[0].topRejectionReasons"));
        assertEquals(List.of("not_icp_fit", "no_budget"),
                body.getList("result.candidate.tiers[1].topRejectionReasons.reason"));
        assertEquals(List.of(10, 2), body.getList("result.candidate.tiers[2].topRejectionReasons.leads"));
        assertEquals("83.3", body.getString("result.candidate.tiers[2].topRejectionReasons[0].share"));
        // scores 100 ×10, 60 ×10, 40 ×10, 0 ×10
        assertEquals(List.of(10, 0, 0, 0, 10, 0, 10, 0, 0, 10), body.getList("result.candidate.histogram.leads"));
        assertEquals(0, body.getInt("result.candidate.unscored"));

        // As recorded at hand-off: A = G1 + G2, B = G3, C = 8 of G4, no tier = the 2 scored by another ICP.
        assertEquals(List.of(1), body.getList("result.active.versions"));
        assertGroup(body, "result.active.tiers[0]", "A", 20, 7, "65.0", "35.0", "35.0", "35.0", "PT4H", "1.40");
        assertGroup(body, "result.active.tiers[1]", "B", 10, 3, "60.0", "30.0", "30.0", "40.0", null, "1.20");
        assertEquals(8, body.getInt("result.active.tiers[2].leads"));
        org.junit.jupiter.api.Assertions.assertNull(body.get("result.active.tiers[3].tier"));
        assertEquals(2, body.getInt("result.active.tiers[3].leads"));
        assertEquals(2, body.getInt("result.active.unscored"));
        // fit scores 90 ×10, 85 ×10, 55 ×10, 10 ×8
        assertEquals(List.of(0, 8, 0, 0, 0, 10, 0, 0, 10, 10), body.getList("result.active.histogram.leads"));

        // Per criterion: industry matched G1 + G2 (7 of 20 won, 7 rejected), employees G1 + G3 (9 won, 6 rejected).
        assertEquals(List.of(20, 20), body.getList("result.criteria.matched"));
        assertEquals("35.0", body.getString("result.criteria[0].wonRateMatched"));
        assertEquals("15.0", body.getString("result.criteria[0].wonRateUnmatched"));
        assertEquals("35.0", body.getString("result.criteria[0].rejectedRateMatched"));
        assertEquals("60.0", body.getString("result.criteria[0].rejectedRateUnmatched"));
        assertEquals("45.0", body.getString("result.criteria[1].wonRateMatched"));
        assertEquals("5.0", body.getString("result.criteria[1].wonRateUnmatched"));
        assertEquals("30.0", body.getString("result.criteria[1].rejectedRateMatched"));
        assertEquals("65.0", body.getString("result.criteria[1].rejectedRateUnmatched"));

        // The trait that drives wins: partners won 9 of 20 (45 %), the others 1 of 20 (5 %); lift 45 / 25 = 1.8.
        List<Map<String, Object>> suggestions = body.getList("result.suggestions");
        assertEquals("custom.partner", suggestions.get(0).get("attribute"));
        Map<String, Object> partner = suggestions.stream().filter(s -> "custom.partner".equals(s.get("attribute"))
                && "true".equals(s.get("value"))).findFirst().orElseThrow();
        assertEquals(20, partner.get("leads"));
        assertEquals(45.0f, partner.get("wonRate"));
        assertEquals(5.0f, partner.get("wonRateOthers"));
        assertEquals(1.8f, partner.get("lift"));
        // Criteria attributes, a value every lead holds, and one-lead names are no suggestions.
        assertEquals(List.of(), suggestions.stream().filter(s -> List.of("company.industry", "company.employees",
                "custom.campaign", "company.name").contains(s.get("attribute"))).toList());

        // The stored backtest reads the same.
        String id = body.getString("id");
        admin().get("/api/v1/icp-backtests/" + id).then().statusCode(200)
                .body("result.candidate.tiers[0].lift", equalTo(2.4f))
                .body("expiresAt", equalTo(Instant.parse(body.getString("createdAt")).plus(Duration.ofDays(7)).toString()));
    }

    private static void assertGroup(JsonPath body, String path, String tier, int leads, int won, String accepted,
            String qualified, String wonRate, String rejected, String median, String lift) {
        assertEquals(tier, body.get(path + ".tier"), path);
        assertEquals(leads, body.getInt(path + ".leads"), path);
        assertEquals(won, body.getInt(path + ".won"), path);
        assertEquals(accepted, body.getString(path + ".acceptedRate"), path + " accepted");
        assertEquals(qualified, body.getString(path + ".qualifiedRate"), path + " qualified");
        assertEquals(wonRate, body.getString(path + ".wonRate"), path + " won");
        assertEquals(rejected, body.getString(path + ".rejectedRate"), path + " rejected");
        assertEquals(median, body.get(path + ".medianTimeToFirstTouch"), path + " median");
        assertEquals(0, new java.math.BigDecimal(lift).compareTo(new java.math.BigDecimal(body.getString(path + ".lift"))),
                path + " lift " + body.getString(path + ".lift"));
    }

    @Test
    void aLargeWindowRunsAsAJobThatAnotherReplicaFinishesWhenItsReplicaDies() {
        EvidenceData data = new EvidenceData(pool);
        String key = EvidenceData.icpWithDraft(criteria());
        for (int i = 0; i < 60; i++) { // above the test limit of 50 leads in the request
            data.lead(JUNE.plus(Duration.ofMinutes(i)), "{\"industry\": \"software\", \"employees\": " + (i * 10) + "}",
                    "{}", null, null, null, null, i % 4 == 0 ? WON : ACCEPTED, null, null);
        }
        String location = admin().body(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-06-02T00:00:00Z",
                        "filters", Map.of("source", data.source)))
                .post("/api/v1/icps/" + key + "/versions/1/backtest").then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("leads", equalTo(60))
                .body("processed", equalTo(0))
                .body("result", nullValue())
                .extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        // A replica claimed it and died: the row is running, its lease ran out.
        pool.preparedQuery("update icp_backtests set status = 'running', claimed_by = 'replica:dead', attempts = 1, "
                        + "lease_until = now() - interval '1 minute' where id = $1").execute(Tuple.of(id))
                .await().indefinitely();
        admin().get(location).then().statusCode(200).body("status", equalTo("running"));

        jobs.runDue().await().indefinitely();

        admin().get(location).then().statusCode(200)
                .body("status", equalTo("done"))
                .body("processed", equalTo(60))
                .body("result.leads", equalTo(60))
                .body("result.candidate.all.won", equalTo(15))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        // Nothing is left to run, and a finished job is not run again.
        assertEquals(0, jobs.runDue().await().indefinitely());
    }

    @Test
    void aLeadIsScoredWithTheAttributesItHadAtHandOffAndErasureEmptiesThatCopy() {
        String key = EvidenceData.icpWithDraft(List.of(EvidenceData.criterion("company.industry", "in",
                List.of("software"), 100)));
        String source = Api.slug("handoff");
        Map<String, Object> lead = io.accord.support.Fixtures.lead(source, "h-1", "DE");
        @SuppressWarnings("unchecked")
        Map<String, Object> company = (Map<String, Object>) lead.get("company");
        company.put("industry", "software");
        lead.put("status", "mql");
        String id = io.accord.support.Fixtures.ingest(lead);
        // Pushed again after the hand-off: the attributes change, the copy taken at hand-off does not.
        company.put("industry", "retail");
        lead.remove("status");
        admin().body(lead).post("/api/v1/leads").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("company.industry", equalTo("retail"));

        Instant now = Instant.now();
        admin().body(Map.of("from", now.minus(Duration.ofDays(1)).toString(), "to", now.plus(Duration.ofDays(1)).toString(),
                        "filters", Map.of("source", source)))
                .post("/api/v1/icps/" + key + "/versions/1/backtest").then().statusCode(200)
                .body("result.leads", equalTo(1))
                .body("result.candidate.tiers[0].tier", equalTo("A"))
                .body("result.criteria[0].matched", equalTo(1));

        admin().post("/api/v1/leads/" + id + "/erase").then().statusCode(200);
        List<Object> copy = pool.preparedQuery("select handoff_company, handoff_contact, handoff_custom from leads "
                        + "where id = $1").execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next()
                .toJson().getMap().values().stream().toList();
        assertEquals(java.util.Arrays.asList(null, null, null), copy);
    }

    @Test
    void expiredBacktestsAreDeleted() {
        String key = EvidenceData.icpWithDraft(criteria());
        String id = admin().body(Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-01-02T00:00:00Z"))
                .post("/api/v1/icps/" + key + "/versions/1/backtest").then().statusCode(200).extract().path("id");
        pool.preparedQuery("update icp_backtests set expires_at = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        jobs.purge().await().indefinitely();
        admin().get("/api/v1/icp-backtests/" + id).then().statusCode(404)
                .body("type", equalTo("urn:accord:problem:not-found"));
    }

    @Test
    void badWindowsAndUnknownVersionsAreProblems() {
        String key = EvidenceData.icpWithDraft(criteria());
        String path = "/api/v1/icps/" + key + "/versions/1/backtest";
        admin().body(Map.of("from", "2026-07-01T00:00:00Z", "to", "2026-06-01T00:00:00Z")).post(path).then()
                .statusCode(422).body("errors.field", hasItem("to"));
        admin().body(Map.of("to", "2026-06-01T00:00:00Z")).post(path).then().statusCode(422)
                .body("errors.field", hasItem("from"));
        admin().body(Map.of("from", "0001-01-01T00:00:00Z", "to", "2026-06-01T00:00:00Z")).post(path).then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 422));
        admin().body(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-07-01T00:00:00Z"))
                .post("/api/v1/icps/" + key + "/versions/9/backtest").then().statusCode(404);
        admin().body(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-07-01T00:00:00Z"))
                .post("/api/v1/icps/" + key + "/versions/x/backtest").then().statusCode(404);
        admin().get("/api/v1/icp-backtests/not-a-uuid").then().statusCode(404);
        as(Api.newKey("viewer")).body(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-07-01T00:00:00Z"))
                .post(path).then().statusCode(403);
    }
}
