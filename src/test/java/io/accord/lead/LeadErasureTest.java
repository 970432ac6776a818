package io.accord.lead;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import io.accord.sla.BreachDetector;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Right to erasure: after {@code POST /leads/{id}/erase} none of the lead's personal data is left in any text column
 * of any table, and every report figure is what it was.
 */
@QuarkusTest
class LeadErasureTest {

    /** Monday 2026-11-23 09:00 Berlin. */
    private static final Instant HANDOFF = Instant.parse("2026-11-23T08:00:00Z");
    private static final List<String> REPORTS = List.of("sla-compliance", "speed-to-lead", "funnel", "fit-vs-outcome");

    @Inject
    BreachDetector detector;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private void at(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
        detector.drain().await().indefinitely();
    }

    @Test
    void anErasedLeadsPersonalDataIsNowhereAndItsFiguresStay() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String email = "erase-me-" + token + "@distinct.example";
        String company = "Zyxwvut Erasable " + token + " GmbH";
        String phone = "+49 30 " + token.hashCode();
        String externalId = "ext-erase-" + token;
        String customSecret = "custom-secret-" + token;
        List<String> personal = List.of(email, company, phone, externalId, customSecret);

        String calendar = Fixtures.berlinNineToFive();
        String team = Fixtures.team("mgr-7", calendar);
        String source = Api.slug("erase");
        String marker = Api.slug("fit");
        String icp = Fixtures.activeIcp(marker);
        Map<String, Object> first = Fixtures.milestone("first_touch", "PT4H");
        first.put("warnAt", 0.75);
        Fixtures.createPolicy(Fixtures.policy(Api.slug("pol"), 100, calendar, Map.of("sources", List.of(source)),
                List.of(first, Fixtures.milestone("decision", "P1D"))));

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String hook = Api.slug("hook");
            admin().body(Map.of("key", hook, "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "filters", Map.of("teamKeys", List.of(team))))
                    .post("/api/v1/webhooks").then().statusCode(201);

            // Intake (with an Idempotency-Key, whose stored response holds the lead), hand-off.
            TestClock.INSTANCE.setTo(HANDOFF);
            Map<String, Object> lead = Fixtures.fittingLead(source, externalId, "DE", marker, true);
            @SuppressWarnings("unchecked")
            Map<String, Object> companyAttrs = (Map<String, Object>) lead.get("company");
            companyAttrs.put("name", company);
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", "Erin Erasable");
            contact.put("email", email);
            contact.put("phone", phone);
            lead.put("contact", contact);
            lead.put("custom", Map.of("leadTest", marker, "interest", customSecret));
            lead.put("ownerId", "rep-3");
            lead.put("teamKey", team);
            String id = admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(lead)
                    .post("/api/v1/leads").then().statusCode(201).body("fit.tier", equalTo("A")).extract().path("id");
            admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);

            // A warning and a breach, delivered to the webhook with the company name.
            at("2026-11-23T12:00:00Z");
            String delivered = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(delivered, "no webhook delivery");
            assertTrue(delivered.contains(company), delivered);

            // A late touch whose note names the contact, a rejection whose note does too, then the rest of the way.
            String sales = Api.newKey("sales");
            TestClock.INSTANCE.setTo(Instant.parse("2026-11-23T12:30:00Z"));
            as(sales).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("kind", "call", "occurredAt", "2026-11-23T12:30:00Z", "actorId", "rep-3",
                            "note", "Reached " + email + " on " + phone))
                    .post("/api/v1/leads/" + id + "/touches").then().statusCode(201);
            at("2026-11-23T12:40:00Z");
            as(sales).body(Map.of("reason", "other", "note", "Wrong person, ask " + email + " at " + company))
                    .post("/api/v1/leads/" + id + "/reject").then().statusCode(200);
            at("2026-11-23T12:50:00Z");
            admin().post("/api/v1/leads/" + id + "/recycle").then().statusCode(200);
            at("2026-11-23T13:00:00Z");
            admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
            at("2026-11-23T13:10:00Z");
            as(sales).post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
            at("2026-11-23T13:20:00Z");
            as(sales).post("/api/v1/leads/" + id + "/qualify").then().statusCode(200);
            as(sales).body(Map.of("outcome", "won")).post("/api/v1/leads/" + id + "/close").then().statusCode(200);
            awaitDeliveries(hook);
            assertTrue(occurrences(personal).size() > 0, "the scenario stored no personal data to erase");

            Map<String, String> before = reports(source, icp);

            String erased = admin().post("/api/v1/leads/" + id + "/erase").then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("externalId", equalTo("erased:" + id))
                    .body("erasedAt", notNullValue())
                    .body("company", equalTo(Map.of()))
                    .body("contact", equalTo(Map.of()))
                    .body("custom", equalTo(Map.of()))
                    .body("status", equalTo("won"))
                    .body("outcome", equalTo("won"))
                    .body("fit.tier", equalTo("A"))
                    .body("teamKey", equalTo(team))
                    .extract().asString();

            assertEquals(List.of(), occurrences(personal), "personal data left after erasure");
            assertEquals(before, reports(source, icp), "report figures changed");

            // Idempotent: the same answer, no second audit entry.
            assertEquals(erased, admin().post("/api/v1/leads/" + id + "/erase").then().statusCode(200)
                    .extract().asString());
            List<String> actions = admin().queryParam("resourceType", "lead").queryParam("resourceId", id)
                    .queryParam("limit", 200).get("/api/v1/audit-events").then().extract().path("items.action");
            assertEquals(1, actions.stream().filter("lead.erased"::equals).count(), actions.toString());
            admin().queryParam("resourceType", "lead").queryParam("resourceId", id).queryParam("limit", 200)
                    .get("/api/v1/audit-events").then()
                    .body("items.find { it.action == 'lead.erased' }.actor", equalTo("bootstrap-admin"));
            // The alerts and the event feed keep the anonymous facts.
            admin().queryParam("leadId", id).get("/api/v1/alerts").then()
                    .body("items.size()", equalTo(2))
                    .body("items.companyName", equalTo(java.util.Arrays.asList(null, null)))
                    .body("items.externalId", equalTo(List.of("erased:" + id, "erased:" + id)))
                    .body("items.milestone", equalTo(List.of("first_touch", "first_touch")));
            // The feed has no lead filter: read it whole and keep this lead's events.
            List<Map<String, Object>> events = new java.util.ArrayList<>();
            String after = "0";
            while (true) {
                List<Map<String, Object>> items = admin().queryParam("after", after).queryParam("limit", 200)
                        .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items");
                if (items.isEmpty()) {
                    break;
                }
                items.stream().filter(e -> id.equals(((Map<?, ?>) e.get("data")).get("leadId"))).forEach(events::add);
                after = (String) items.get(items.size() - 1).get("id");
            }
            assertFalse(events.isEmpty(), "the lead's alert events stay in the feed");
            for (Map<String, Object> event : events) {
                Map<?, ?> data = (Map<?, ?>) event.get("data");
                assertNull(data.get("companyName"), event.toString());
                assertEquals("erased:" + id, data.get("externalId"), event.toString());
                assertNotNull(data.get("kind"), event.toString());
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void erasureIsForAdminsOnlyAndTheOldExternalIdMakesANewLead() {
        String source = Api.slug("erase");
        String id = Fixtures.ingest(Fixtures.lead(source, "again-1", "DE"));
        for (String role : List.of("marketing", "sales", "sales_manager", "integrator", "viewer")) {
            as(Api.newKey(role)).post("/api/v1/leads/" + id + "/erase").then().statusCode(403);
        }
        admin().post("/api/v1/leads/" + UUID.randomUUID() + "/erase").then().statusCode(404)
                .contentType("application/problem+json");
        admin().post("/api/v1/leads/" + id + "/erase").then().statusCode(200);
        String again = Fixtures.ingest(Fixtures.lead(source, "again-1", "DE"));
        assertNotEquals(id, again);
        admin().get("/api/v1/leads/" + again).then().body("erasedAt", nullValue()).body("externalId", equalTo("again-1"));
        // The tombstone is not a way to write into the erased lead.
        admin().body(Fixtures.lead(source, "erased:" + id, "DE")).post("/api/v1/leads").then().statusCode(409)
                .contentType("application/problem+json");
        admin().get("/api/v1/leads/" + id).then().body("company", equalTo(Map.of()));
    }

    /** Reports over the scenario's source; the same query before and after erasure. */
    private static Map<String, String> reports(String source, String icp) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String report : REPORTS) {
            out.put(report, admin().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                    .queryParam("source", source).get("/api/v1/reports/" + report).then().statusCode(200)
                    .extract().asString());
        }
        out.put("sla-compliance by icp", admin().queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z").queryParam("icpKey", icp).queryParam("groupBy", "tier")
                .get("/api/v1/reports/sla-compliance").then().statusCode(200).extract().asString());
        return out;
    }

    private void awaitDeliveries(String hook) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Row row = pool.preparedQuery("select count(*) filter (where d.status = 'pending') as pending, "
                            + "count(*) filter (where d.status = 'delivered') as delivered "
                            + "from webhook_deliveries d join webhooks w on w.id = d.webhook_id where w.key = $1")
                    .execute(Tuple.of(hook)).await().indefinitely().iterator().next();
            if (row.getLong("pending") == 0 && row.getLong("delivered") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("webhook deliveries still pending");
    }

    /** "table.column: needle" for every text-like column of every table that contains one of the needles. */
    private List<String> occurrences(List<String> needles) {
        List<String[]> columns = new ArrayList<>();
        pool.query("""
                        select c.table_name, c.column_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml')
                               or c.udt_name in ('_text', '_varchar', '_json', '_jsonb'))
                        order by 1, 2""")
                .execute().await().indefinitely()
                .forEach(r -> columns.add(new String[] {r.getString(0), r.getString(1)}));
        assertTrue(columns.size() > 50, "too few text columns found: " + columns.size());
        assertTrue(columns.stream().anyMatch(c -> c[0].equals("events") && c[1].equals("data")));
        String[] lowered = needles.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
        List<String> found = new ArrayList<>();
        for (String[] c : columns) {
            String sql = "select n from unnest($1::text[]) as n where exists (select 1 from \"" + c[0] + "\" where "
                    + "strpos(lower(cast(\"" + c[1] + "\" as text)), n) > 0)";
            pool.preparedQuery(sql).execute(Tuple.of(lowered)).await().indefinitely()
                    .forEach(r -> found.add(c[0] + "." + c[1] + ": " + r.getString(0)));
        }
        assertFalse(found.stream().anyMatch(f -> f.startsWith("flyway")), found.toString());
        return found;
    }
}
