package io.accord.sla;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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

@QuarkusTest
class BreachDetectorTest {

    /** Monday 2026-11-23 09:00 Berlin. */
    private static final Instant HANDOFF = Instant.parse("2026-11-23T08:00:00Z");

    @Inject
    BreachDetector detector;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** A lead handed off at 09:00 Berlin under "first touch within 4 business hours, warn at 75 %, escalate after 2 h". */
    private String[] handedOffLead() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-7", calendar);
        String source = Api.slug("src");
        Map<String, Object> first = Fixtures.milestone("first_touch", "PT4H");
        first.put("warnAt", 0.75);
        first.put("escalateAfter", "PT2H");
        Fixtures.createPolicy(Fixtures.policy(Api.slug("pol"), 100, calendar, Map.of("sources", List.of(source)),
                List.of(first)));
        TestClock.INSTANCE.setTo(HANDOFF);
        Map<String, Object> lead = Fixtures.lead(source, Api.slug("ext"), "DE");
        lead.put("ownerId", "rep-3");
        lead.put("teamKey", team);
        String id = Fixtures.ingest(lead);
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        return new String[] {id, team};
    }

    /** The kinds of a lead's alerts, sorted: alerts raised in one scan share their creation time. */
    private List<String> kinds(String leadId) {
        List<String> kinds = admin().queryParam("leadId", leadId).get("/api/v1/alerts").then().statusCode(200)
                .extract().path("items.kind");
        return kinds.stream().sorted().toList();
    }

    private void at(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
        detector.drain().await().indefinitely();
    }

    @Test
    void warningBreachAndEscalationAreRaisedOnTimeAndOnce() {
        String[] lead = handedOffLead();
        String id = lead[0];
        // Warning at 75 % of 4 h = 12:00 Berlin (11:00Z); due 13:00 (12:00Z); escalation 2 business hours later 15:00 (14:00Z).
        at("2026-11-23T10:59:59Z");
        assertEquals(List.of(), kinds(id));
        at("2026-11-23T11:00:00Z");
        assertEquals(List.of("sla.warning"), kinds(id));
        at("2026-11-23T11:59:59Z");
        assertEquals(List.of("sla.warning"), kinds(id));
        at("2026-11-23T12:00:00Z");
        assertEquals(List.of("sla.breached", "sla.warning"), kinds(id));
        JsonPath sla = admin().get("/api/v1/leads/" + id + "/sla").then().extract().jsonPath();
        assertEquals("breached", sla.getString("clocks[0].status"));
        at("2026-11-23T14:00:00Z");
        at("2026-11-23T18:00:00Z");
        assertEquals(List.of("sla.breached", "sla.escalated", "sla.warning"), kinds(id));
        admin().queryParam("leadId", id).queryParam("kind", "sla.escalated").get("/api/v1/alerts").then()
                .body("items[0].managerId", equalTo("mgr-7"))
                .body("items[0].ownerId", equalTo("rep-3"))
                .body("items[0].teamKey", equalTo(lead[1]))
                .body("items[0].dueAt", equalTo("2026-11-23T12:00:00Z"))
                .body("items[0].detectedAt", equalTo("2026-11-23T14:00:00Z"))
                .body("items[0].milestone", equalTo("first_touch"))
                .body("items[0].companyName", org.hamcrest.Matchers.startsWith("Acme"));
    }

    @Test
    void aClockMetLateResolvesItsAlertsAndACancelledOneToo() {
        String id = handedOffLead()[0];
        at("2026-11-23T12:30:00Z");
        assertEquals(List.of("sla.breached", "sla.warning"), kinds(id));
        as(Api.newKey("sales")).body(Map.of("kind", "call", "occurredAt", "2026-11-23T12:30:00Z", "actorId", "rep-3"))
                .post("/api/v1/leads/" + id + "/touches").then().statusCode(201);
        detector.drain().await().indefinitely();
        admin().queryParam("leadId", id).get("/api/v1/alerts").then()
                .body("items.status", equalTo(List.of("resolved", "resolved")))
                .body("items.resolution", equalTo(List.of("met_late", "met_late")));
        // Met: no escalation later.
        at("2026-11-23T20:00:00Z");
        assertEquals(List.of("sla.breached", "sla.warning"), kinds(id));

        String other = handedOffLead()[0];
        at("2026-11-23T12:30:00Z");
        as(Api.newKey("sales")).body(Map.of("reason", "bad_contact_data")).post("/api/v1/leads/" + other + "/reject")
                .then().statusCode(200);
        detector.drain().await().indefinitely();
        admin().queryParam("leadId", other).get("/api/v1/alerts").then()
                .body("items.resolution", equalTo(List.of("cancelled", "cancelled")));
    }

    @Test
    void afterDowntimeEverythingMissedIsCaughtUpWithBothDueAndDetectionTimes() {
        String id = handedOffLead()[0];
        at("2026-11-24T08:00:00Z");
        admin().queryParam("leadId", id).get("/api/v1/alerts").then().body("items", hasSize(3))
                .body("items.detectedAt", equalTo(List.of("2026-11-24T08:00:00Z", "2026-11-24T08:00:00Z",
                        "2026-11-24T08:00:00Z")))
                .body("items[1].dueAt", equalTo("2026-11-23T12:00:00Z"));
    }

    /** Several detector loops (as on several replicas) on thousands of due clocks: one alert per clock, none missing. */
    @Test
    void concurrentDetectorsRaiseExactlyOneAlertPerClockAndKind() throws Exception {
        String[] lead = handedOffLead();
        String team = lead[1];
        int n = 3000;
        // Clone the handed-off lead's clock shape into n leads whose first-touch clocks are all due now.
        pool.preparedQuery("""
                with l as (
                  insert into leads (id, source, external_id, status, company, contact, custom, owner_id, team_key,
                                     handoff_id, handed_off_at, created_at, updated_at)
                  select gen_random_uuid(), 'race', 'race-' || gen_random_uuid(), 'mql', '{"name":"Race Co"}', '{}', '{}',
                         'rep-9', $1, gen_random_uuid(), $2, $2, $2
                  from generate_series(1, $3) returning id, handoff_id)
                insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key,
                                        policy_revision, calendar_key, milestone, target, status, started_at, warn_at,
                                        due_at, escalate_at, created_at)
                select gen_random_uuid(), l.id, l.handoff_id, 'rep-9', $1, 'A', c.policy_id, c.policy_key,
                       c.policy_revision, c.calendar_key, 'first_touch', 'PT4H', 'running', $2, $2, $2, null, $2
                from l cross join (select * from sla_clocks where team_key = $1 limit 1) c""")
                .execute(Tuple.of(team, HANDOFF.atOffset(java.time.ZoneOffset.UTC), n)).await().indefinitely();
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-23T09:00:00Z"));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(() -> detector.drain().await().indefinitely());
            }
            int handled = 0;
            for (Future<Integer> f : replicas.invokeAll(loops)) {
                handled += f.get();
            }
            org.junit.jupiter.api.Assertions.assertTrue(handled >= n, "every clock was handled");
        } finally {
            replicas.shutdownNow();
        }
        long clocks = count("select count(*) from sla_clocks where team_key = $1 and owner_id = 'rep-9'", team);
        assertEquals(n, clocks);
        assertEquals(n, count("select count(*) from alerts where team_key = $1 and owner_id = 'rep-9' and kind = 'sla.breached'", team));
        assertEquals(n, count("select count(*) from alerts where team_key = $1 and owner_id = 'rep-9' and kind = 'sla.warning'", team));
        assertEquals(0, count("select count(*) - count(distinct (subject, kind)) from alerts where team_key = $1", team));
        assertEquals(0, count("select count(*) from sla_clocks where team_key = $1 and owner_id = 'rep-9' and status = 'running'", team));
        assertEquals(2L * n, count("select count(*) from events where team_key = $1 and owner_id = 'rep-9'", team));
    }

    private long count(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
