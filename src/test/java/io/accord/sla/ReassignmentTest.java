package io.accord.sla;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reassignment on breach: who gets the lead, what is recorded, and exactly once under concurrent detectors. */
@QuarkusTest
class ReassignmentTest {

    /** Monday 2026-11-23 09:00 Berlin. */
    private static final Instant HANDOFF = Instant.parse("2026-11-23T08:00:00Z");
    /** Four business hours later: the first-touch clocks are due. */
    private static final Instant DUE = Instant.parse("2026-11-23T12:00:00Z");

    @Inject
    BreachDetector detector;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static String person(String prefix, String team) {
        String id = Api.slug(prefix);
        admin().body(Map.of("id", id, "name", "Rep " + id, "teams", List.of(team))).post("/api/v1/people").then()
                .statusCode(201);
        return id;
    }

    private static void absent(String person, Instant from, Instant to) {
        admin().body(Map.of("startsAt", from.toString(), "endsAt", to.toString(), "reason", "Out"))
                .post("/api/v1/people/" + person + "/absences").then().statusCode(201);
    }

    private static String policy(String calendar, String source, Map<String, Object> reassign) {
        Map<String, Object> first = Fixtures.milestone("first_touch", "PT4H");
        first.put("escalateAfter", "PT2H");
        first.put("onBreach", Map.of("reassign", reassign));
        String key = Api.slug("pol");
        Fixtures.createPolicy(Fixtures.policy(key, 100, calendar, Map.of("sources", List.of(source)), List.of(first)));
        return key;
    }

    private static String lead(String source, String owner, String team) {
        TestClock.INSTANCE.setTo(HANDOFF);
        Map<String, Object> lead = Fixtures.lead(source, Api.slug("ext"), "DE");
        lead.put("ownerId", owner);
        lead.put("teamKey", team);
        String id = Fixtures.ingest(lead);
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        return id;
    }

    private void at(Instant instant) {
        TestClock.INSTANCE.setTo(instant);
        detector.drain().await().indefinitely();
    }

    @Test
    void aBreachedLeadGoesToTheNextPresentMemberWithAFreshClockAndEverythingSaysSo() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-1", calendar);
        String a = person("a", team);
        String b = person("b", team);
        String c = person("c", team);
        List<String> sorted = new ArrayList<>(List.of(a, b, c));
        sorted.sort(null);
        String source = Api.slug("src");
        policy(calendar, source, Map.of("to", "round_robin", "pool", team, "markOwnerUnavailableFor", "PT1H"));
        String owner = sorted.get(0);
        String id = lead(source, owner, team);
        // The first in rotation order would be the owner, who breached: the next one gets the lead.
        String expected = sorted.get(1);
        at(DUE.minusSeconds(1));
        assertEquals(owner, admin().get("/api/v1/leads/" + id).then().extract().path("ownerId"));
        at(DUE);

        admin().get("/api/v1/leads/" + id).then().statusCode(200).body("ownerId", equalTo(expected));
        JsonPath sla = admin().get("/api/v1/leads/" + id + "/sla").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("reassigned", "running"), sla.getList("clocks.status"));
        // A fresh target of 4 business hours from 13:00 Berlin: 17:00 Berlin, the end of the day.
        assertEquals("2026-11-23T16:00:00Z", sla.getString("clocks[1].dueAt"));
        admin().queryParam("leadId", id).queryParam("kind", "sla.breached").get("/api/v1/alerts").then()
                .body("items.size()", equalTo(1))
                .body("items[0].ownerId", equalTo(owner))
                .body("items[0].details.reassignment.status", equalTo("reassigned"))
                .body("items[0].details.reassignment.from", equalTo(owner))
                .body("items[0].details.reassignment.to", equalTo(expected))
                .body("items[0].details.reassignment.pool", equalTo(team));
        assertEquals(1, count("select count(*) from events where lead_id = $1::uuid and type = 'lead.reassigned' "
                + "and owner_id = '" + expected + "' and data::jsonb ->> 'previousOwnerId' = '" + owner + "'", id));
        admin().get("/api/v1/people/" + owner + "/absences").then()
                .body("items[0].startsAt", equalTo("2026-11-23T12:00:00Z"))
                .body("items[0].endsAt", equalTo("2026-11-23T13:00:00Z"))
                .body("items[0].createdBy", equalTo("accord:sla"));

        // The new clock breaches in its turn: the rotation continues after the last one assigned, and the owner who
        // breached first is back (their hour is over) but excluded only as the current owner is.
        at(Instant.parse("2026-11-23T16:00:00Z"));
        String third = admin().get("/api/v1/leads/" + id).then().extract().path("ownerId");
        assertEquals(sorted.get(2), third);
        assertEquals(List.of("reassigned", "reassigned", "running"), admin().get("/api/v1/leads/" + id + "/sla")
                .then().extract().jsonPath().getList("clocks.status"));
        // In the compliance report a reassigned clock is a breach of the owner who had it.
        admin().queryParam("from", "2026-11-23T00:00:00Z").queryParam("to", "2026-11-25T00:00:00Z")
                .queryParam("source", source).get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("total.clocks", equalTo(3))
                .body("total.breached", equalTo(2));
    }

    @Test
    void withRespectHoursAMemberOutsideTheirOwnHoursIsSkipped() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-1", calendar);
        String a = person("a", team);
        String b = Api.slug("b");
        // b works mornings only: at the breach, 13:00 Berlin, b is outside their hours.
        admin().body(Map.of("id", b, "name", "Morning rep", "teams", List.of(team), "calendar", Map.of(
                "timeZone", "Europe/Berlin", "hours", List.of(Map.of("day", "monday", "start", "09:00", "end", "12:00")))))
                .post("/api/v1/people").then().statusCode(201);
        String c = person("c", team);
        String source = Api.slug("src");
        policy(calendar, source, Map.of("to", "round_robin", "pool", team, "respectHours", true));
        String id = lead(source, a, team);
        at(DUE);
        admin().get("/api/v1/leads/" + id).then().body("ownerId", equalTo(c));
    }

    @Test
    void whenNobodyIsAvailableTheClockStaysBreachedAndTheAlertSaysSo() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-1", calendar);
        String a = person("a", team);
        String b = person("b", team);
        absent(b, HANDOFF, DUE.plusSeconds(86_400));
        String source = Api.slug("src");
        policy(calendar, source, Map.of("to", "least_loaded", "pool", team));
        String id = lead(source, a, team);
        at(DUE);
        admin().get("/api/v1/leads/" + id).then().body("ownerId", equalTo(a));
        assertEquals(List.of("breached"), admin().get("/api/v1/leads/" + id + "/sla").then().extract().jsonPath()
                .getList("clocks.status"));
        admin().queryParam("leadId", id).queryParam("kind", "sla.breached").get("/api/v1/alerts").then()
                .body("items[0].details.reassignment.status", equalTo("no_one_available"))
                .body("items[0].details.reassignment.to", equalTo(null));
        // It still escalates as a breached clock does.
        at(Instant.parse("2026-11-23T14:00:00Z"));
        admin().queryParam("leadId", id).queryParam("kind", "sla.escalated").get("/api/v1/alerts").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void policiesValidateOnBreach() {
        String calendar = Fixtures.berlinNineToFive();
        Map<String, Object> m = Fixtures.milestone("first_touch", "PT4H");
        m.put("onBreach", Map.of("reassign", Map.of("to", "random", "pool", "no-such-team", "excludePrevious", 0,
                "markOwnerUnavailableFor", "PT0S", "clock", "remaining")));
        admin().body(Fixtures.policy(Api.slug("pol"), 1, calendar, Map.of("sources", List.of(Api.slug("none"))), List.of(m))).post("/api/v1/sla-policies")
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("milestones[0].onBreach.reassign.to",
                        "milestones[0].onBreach.reassign.excludePrevious",
                        "milestones[0].onBreach.reassign.markOwnerUnavailableFor",
                        "milestones[0].onBreach.reassign.clock")));
        m.put("onBreach", Map.of("reassign", Map.of("to", "round_robin", "pool", "no-such-team")));
        admin().body(Fixtures.policy(Api.slug("pol"), 1, calendar, Map.of("sources", List.of(Api.slug("none"))), List.of(m))).post("/api/v1/sla-policies")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("milestones[0].onBreach.reassign.pool"));
        String team = Fixtures.team("m", calendar);
        m.put("onBreach", Map.of("reassign", Map.of("to", "round_robin", "pool", team)));
        admin().body(Fixtures.policy(Api.slug("pol"), 1, calendar, Map.of("sources", List.of(Api.slug("none"))), List.of(m))).post("/api/v1/sla-policies")
                .then().statusCode(201)
                .body("milestones[0].onBreach.reassign.excludePrevious", equalTo(1))
                .body("milestones[0].onBreach.reassign.clock", equalTo("fresh"))
                .body("milestones[0].onBreach.reassign.respectHours", equalTo(false));
    }

    /**
     * Four detector rounds at once (as on four replicas) over 3,000 breaching leads whose owners are absent: each lead
     * is reassigned exactly once, never to its previous owner, always to a present member, with one breach alert and
     * one lead.reassigned event; the round robin hands out the same number to each present member.
     */
    @Test
    void fourConcurrentDetectorsReassignEachOf3000LeadsExactlyOnceAndEvenly() throws Exception {
        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-1", calendar);
        List<String> absentOwners = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String o = person("away", team);
            absent(o, HANDOFF.minusSeconds(86_400), DUE.plusSeconds(86_400));
            absentOwners.add(o);
        }
        for (int i = 0; i < 5; i++) {
            present.add(person("here", team));
        }
        String source = Api.slug("src");
        policy(calendar, source, Map.of("to", "round_robin", "pool", team, "excludePrevious", 2));
        lead(source, absentOwners.get(0), team); // one real hand-off, whose clock the others copy
        int n = 3000;
        pool.preparedQuery("""
                with l as (
                  insert into leads (id, source, external_id, status, company, contact, custom, owner_id, team_key,
                                     handoff_id, handed_off_at, created_at, updated_at)
                  select gen_random_uuid(), $4, 'race-' || gen_random_uuid(), 'mql', '{"name":"Race Co"}', '{}', '{}',
                         ($5::text[])[1 + g % 3], $1, gen_random_uuid(), $2, $2, $2
                  from generate_series(1, $3) g returning id, handoff_id, owner_id)
                insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key,
                                        policy_revision, calendar_key, milestone, target, status, started_at, warn_at,
                                        due_at, escalate_at, created_at)
                select gen_random_uuid(), l.id, l.handoff_id, l.owner_id, $1, 'A', c.policy_id, c.policy_key,
                       c.policy_revision, c.calendar_key, 'first_touch', 'PT4H', 'running', $2, null, $6, null, $2
                from l cross join (select * from sla_clocks where team_key = $1 limit 1) c""")
                .execute(Tuple.from(List.of(team, HANDOFF.atOffset(ZoneOffset.UTC), n, source,
                        absentOwners.toArray(String[]::new), DUE.atOffset(ZoneOffset.UTC))))
                .await().indefinitely();
        TestClock.INSTANCE.setTo(DUE);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(() -> detector.drain().await().indefinitely());
            }
            for (Future<Integer> f : replicas.invokeAll(loops)) {
                f.get();
            }
        } finally {
            replicas.shutdownNow();
        }
        int total = n + 1;
        assertEquals(total, count("select count(*) from sla_clocks where team_key = $1 and status = 'reassigned'", team));
        assertEquals(total, count("select count(*) from sla_clocks where team_key = $1 and status = 'running' "
                + "and previous_clock_id is not null", team));
        assertEquals(0, count("select count(*) from sla_clocks where team_key = $1 and status = 'breached'", team));
        // Exactly once per lead: one reassigned clock, one follower, one alert, one event.
        assertEquals(0, count("select count(*) from (select lead_id from sla_clocks where team_key = $1 "
                + "and status = 'reassigned' group by lead_id having count(*) <> 1) x", team));
        assertEquals(total, count("select count(*) from alerts where team_key = $1 and kind = 'sla.breached'", team));
        assertEquals(total, count("select count(*) from alerts where team_key = $1 and kind = 'sla.breached' "
                + "and details::jsonb -> 'reassignment' ->> 'status' = 'reassigned'", team));
        assertEquals(total, count("select count(*) from events where team_key = $1 and type = 'lead.reassigned'", team));
        assertEquals(total, count("select count(distinct lead_id) from events where team_key = $1 "
                + "and type = 'lead.reassigned'", team));
        // Never to the previous owner; to a present member; the lead, its new clock and the event agree.
        assertEquals(0, count("select count(*) from sla_clocks o join sla_clocks f on f.previous_clock_id = o.id "
                + "where o.team_key = $1 and (f.owner_id = o.owner_id or o.reassigned_to <> f.owner_id)", team));
        assertEquals(0, count("select count(*) from sla_clocks f join leads l on l.id = f.lead_id "
                + "where f.team_key = $1 and f.status = 'running' and l.owner_id <> f.owner_id", team));
        Map<String, Long> perOwner = new HashMap<>();
        for (Row r : pool.preparedQuery("select l.owner_id, count(*) from leads l where l.team_key = $1 group by 1")
                .execute(Tuple.of(team)).await().indefinitely()) {
            perOwner.put(r.getString(0), r.getLong(1));
        }
        assertEquals(new HashSet<>(present), perOwner.keySet(), "only present members own the leads now");
        long min = perOwner.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = perOwner.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(max - min <= 1, "round robin is even: " + perOwner);
        Set<String> lastAssigned = new HashSet<>();
        for (Row r : pool.preparedQuery("select last_person_id from people_rotations where team_key = $1")
                .execute(Tuple.of(team)).await().indefinitely()) {
            lastAssigned.add(r.getString(0));
        }
        assertTrue(present.containsAll(lastAssigned) && lastAssigned.size() == 1);
    }

    private long count(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
