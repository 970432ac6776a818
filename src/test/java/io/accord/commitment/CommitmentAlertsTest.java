package io.accord.commitment;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commitments and their alerts with a controlled clock, across period boundaries in the calendar's zone
 * (Europe/Berlin, Monday to Friday 09:00–17:00: 40 business hours a week; November is UTC+1).
 */
@QuarkusTest
class CommitmentAlertsTest {

    @Inject
    CommitmentChecker checker;

    @Inject
    Pool pool;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (String key : created) {
            admin().header("If-Match", "*").delete("/api/v1/commitments/" + key);
        }
        TestClock.INSTANCE.reset();
    }

    private void at(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
    }

    private int check() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> checker.checkDue());
    }

    private String commitment(String team, String calendar, String metric, String minTier, String icp, int target) {
        String key = Api.slug("c");
        created.add(key);
        return admin().body(Commitments.body(key, team, calendar, "week", metric, minTier, icp, target, "2026-11-16"))
                .post("/api/v1/commitments").then().statusCode(201).extract().path("id");
    }

    /** Hands a lead off at the current test time: tier A with the region, B without. */
    private String handOff(String marker, boolean tierA) {
        Map<String, Object> lead = Fixtures.fittingLead(Api.slug("src"), Api.slug("ext"), "DE", marker, tierA);
        lead.put("status", "mql");
        return Fixtures.ingest(lead);
    }

    private List<Map<String, Object>> alerts(String team) {
        return admin().queryParam("teamKey", team).queryParam("limit", 200).get("/api/v1/alerts").then().statusCode(200)
                .extract().path("items");
    }

    @Test
    void atRiskMetAndMissedAcrossWeekBoundariesInBerlin() throws Throwable {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String marker = Api.slug("m");
        String icp = Fixtures.activeIcp(marker);

        at("2026-11-16T08:00:00Z"); // Monday 09:00 Berlin
        String id = commitment(team, calendar, "handed_off", "A", icp, 4);
        at("2026-11-16T08:30:00Z");
        handOff(marker, true);  // counted: tier A
        handOff(marker, false); // not counted: tier B is below A

        // Tuesday 11:00 Berlin: 10 of 40 business hours, a quarter. 1 × 40 ÷ 10 = 4: on pace, no alert.
        at("2026-11-17T10:00:00Z");
        check();
        assertEquals(0, alerts(team).size());

        // Tuesday 12:00 Berlin: 11 hours. ⌊1 × 40 ÷ 11⌋ = 3 < 4: at risk.
        at("2026-11-17T11:00:00Z");
        check();
        List<Map<String, Object>> risk = alerts(team);
        assertEquals(1, risk.size());
        assertEquals("commitment.at_risk", risk.get(0).get("kind"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) risk.get(0).get("details");
        assertEquals(1, details.get("actual"));
        assertEquals(3, details.get("projected"));
        assertEquals(25.0f, ((Number) details.get("attainment")).floatValue());
        assertEquals(4, details.get("target"));
        assertEquals("2026-11-15T23:00:00Z", details.get("periodStart"));
        assertEquals("2026-11-22T23:00:00Z", details.get("periodEnd"));

        // Checked again: still one.
        at("2026-11-17T12:00:00Z");
        check();
        assertEquals(1, alerts(team).size());

        at("2026-11-19T09:00:00Z");
        handOff(marker, true);
        handOff(marker, true);
        handOff(marker, true);

        // Sunday 23:59:59 Berlin: the week is still open.
        at("2026-11-22T22:59:59Z");
        check();
        assertEquals(1, alerts(team).size());
        admin().get("/api/v1/commitments/" + id + "/periods").then().statusCode(200)
                .body("items[0].start", equalTo("2026-11-15T23:00:00Z"))
                .body("items[0].status", equalTo("open"))
                .body("items[0].actual", equalTo(4))
                .body("items[0].projected", equalTo(4))
                .body("items[0].attainment", equalTo(100.0f));

        // Monday 00:00 Berlin: week 47 closes with 4 of 4: met.
        at("2026-11-22T23:00:00Z");
        check();
        // Monday 00:30 Berlin (still Sunday in UTC): this hand-off belongs to week 48.
        at("2026-11-22T23:30:00Z");
        handOff(marker, true);

        // Week 48 closes with 1 of 4: missed. Nobody checked during the week, so no at-risk for it.
        at("2026-11-29T23:00:00Z");
        check();

        List<Map<String, Object>> all = alerts(team);
        assertEquals(List.of("commitment.at_risk", "commitment.met", "commitment.missed"),
                all.stream().map(a -> a.get("kind")).toList());
        assertEquals(List.of("commitment:" + id + ":2026-11-16", "commitment:" + id + ":2026-11-16",
                "commitment:" + id + ":2026-11-23"), subjects(team));
        @SuppressWarnings("unchecked")
        Map<String, Object> met = (Map<String, Object>) all.get(1).get("details");
        assertEquals(4, met.get("actual"));
        assertEquals("met", met.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> missed = (Map<String, Object>) all.get(2).get("details");
        assertEquals(1, missed.get("actual"));
        assertEquals("missed", missed.get("status"));
        assertEquals(3L, count("select count(*) from events where team_key = $1 and type = 'alert.created' "
                + "and alert_kind like 'commitment.%'", team));

        String next = admin().queryParam("limit", 2).get("/api/v1/commitments/" + id + "/periods").then().statusCode(200)
                .body("items.start", equalTo(List.of("2026-11-29T23:00:00Z", "2026-11-22T23:00:00Z")))
                .body("items.status", equalTo(List.of("open", "missed")))
                .body("items.actual", equalTo(List.of(0, 1)))
                .body("items[1].attainment", equalTo(25.0f))
                .body("items[1].projected", equalTo(1))
                .extract().path("nextCursor");
        admin().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/commitments/" + id + "/periods").then()
                .statusCode(200)
                .body("items.start", equalTo(List.of("2026-11-15T23:00:00Z")))
                .body("items[0].status", equalTo("met"))
                .body("items[0].target", equalTo(4))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void acceptedCountsTheWeekOfTheAcceptanceNotOfTheHandOff() throws Throwable {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String marker = Api.slug("m");
        String icp = Fixtures.activeIcp(marker);
        at("2026-11-16T08:00:00Z");
        String id = commitment(team, calendar, "accepted", null, icp, 2);
        at("2026-11-20T15:00:00Z"); // Friday of week 47
        String early = handOff(marker, false);
        String late = handOff(marker, true);
        admin().post("/api/v1/leads/" + early + "/accept").then().statusCode(200);
        at("2026-11-23T09:00:00Z"); // Monday of week 48
        admin().post("/api/v1/leads/" + late + "/accept").then().statusCode(200);
        admin().get("/api/v1/commitments/" + id + "/periods").then().statusCode(200)
                .body("items.start", equalTo(List.of("2026-11-22T23:00:00Z", "2026-11-15T23:00:00Z")))
                .body("items.actual", equalTo(List.of(1, 1)))
                .body("items.status", equalTo(List.of("open", "missed")));
    }

    @Test
    void concurrentCheckersRaiseEachAlertExactlyOnce() throws Throwable {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String icp = Fixtures.activeIcp(Api.slug("m"));
        at("2026-11-16T08:00:00Z");
        commitment(team, calendar, "handed_off", null, icp, 10);
        commitment(team, calendar, "handed_off", null, icp, 20);
        commitment(team, calendar, "handed_off", null, icp, 30);
        // Wednesday 17:00 Berlin (24 of 40 hours, nothing delivered): at risk; then the week closes: missed.
        at("2026-11-18T16:00:00Z");
        race();
        at("2026-11-22T23:00:00Z");
        race();
        List<Map<String, Object>> all = alerts(team);
        assertEquals(6, all.size());
        assertEquals(3, all.stream().filter(a -> a.get("kind").equals("commitment.at_risk")).count());
        assertEquals(3, all.stream().filter(a -> a.get("kind").equals("commitment.missed")).count());
        assertEquals(6L, count("select count(*) from events where team_key = $1", team));
    }

    /** Six checkers at once, as on six replicas. */
    private void race() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(() -> {
                    try {
                        return check();
                    } catch (Throwable e) {
                        throw new Exception(e);
                    }
                });
            }
            for (Future<Integer> f : workers.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private List<String> subjects(String team) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("select subject from alerts where team_key = $1 order by created_at, kind")
                .execute(Tuple.of(team)).await().indefinitely().forEach(r -> out.add(r.getString("subject")));
        return out;
    }

    private long count(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
