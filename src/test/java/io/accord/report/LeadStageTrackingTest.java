package io.accord.report;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.accord.sla.ClockDurations;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The columns reports read are kept by the V9 triggers whatever the lead code does: driven here through the lead API
 * (intake hand-off, touches, accept, reject, recycle, a second hand-off), with business time to met from
 * {@link ClockDurations}. Calendar: Berlin, Monday to Friday 09:00–17:00 (UTC+1).
 */
@QuarkusTest
class LeadStageTrackingTest {

    @Inject
    Pool pool;

    @Inject
    ClockDurations durations;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theLeadApiKeepsTheReportColumns() throws Throwable {
        String calendar = Fixtures.berlinNineToFive();
        String source = Api.slug("stages");
        String policy = Api.slug("pol");
        Fixtures.createPolicy(Fixtures.policy(policy, 100, calendar, Map.of("sources", List.of(source)),
                List.of(Fixtures.milestone("first_touch", "PT4H"), Fixtures.milestone("decision", "P1D"))));

        TestClock.INSTANCE.setTo(Instant.parse("2026-11-16T08:00:00Z")); // Monday 09:00 Berlin
        Map<String, Object> body = Fixtures.lead(source, Api.slug("x"), "DE");
        body.put("status", "mql");
        UUID id = UUID.fromString(Fixtures.ingest(body));
        assertEquals(policy, lead(id).getString("sla_policy_key"), "the policy of the hand-off's clocks");
        assertEquals(2L, scalar("select count(*) from sla_clocks where lead_id = $1 and source = $2", id, source),
                "clocks copy the lead's source");

        TestClock.INSTANCE.setTo(Instant.parse("2026-11-16T09:30:00Z"));
        touch(id, "2026-11-16T09:30:00Z");
        touch(id, "2026-11-16T07:00:00Z"); // before the hand-off: not a follow-up
        assertEquals(Instant.parse("2026-11-16T09:30:00Z"), instant(lead(id), "first_touch_at"));

        TestClock.INSTANCE.setTo(Instant.parse("2026-11-16T10:00:00Z"));
        admin().post("/api/v1/leads/" + id + "/accept").then().statusCode(200);
        assertEquals(Instant.parse("2026-11-16T10:00:00Z"), instant(lead(id), "accepted_at"));

        VertxContextSupport.subscribeAndAwait(() -> durations.catchUp());
        // first_touch met 09:00 → 10:30 Berlin = 1.5 h; decision met 09:00 → 11:00 Berlin = 2 h
        assertEquals(5400L, scalar("select business_seconds_to_met from sla_clocks where lead_id = $1 and milestone = $2",
                id, "first_touch"));
        assertEquals(7200L, scalar("select business_seconds_to_met from sla_clocks where lead_id = $1 and milestone = $2",
                id, "decision"));

        TestClock.INSTANCE.setTo(Instant.parse("2026-11-16T11:00:00Z"));
        admin().body(Map.of("reason", "not_icp_fit")).post("/api/v1/leads/" + id + "/reject").then().statusCode(200);
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-16T12:00:00Z"));
        admin().post("/api/v1/leads/" + id + "/recycle").then().statusCode(200);
        Row recycled = lead(id);
        assertEquals(Instant.parse("2026-11-16T11:00:00Z"), instant(recycled, "rejected_at"));
        assertEquals(Instant.parse("2026-11-16T12:00:00Z"), instant(recycled, "recycled_at"));

        // A second hand-off: the first touch is looked up afresh, the policy is that of the new clocks.
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-17T09:00:00Z"));
        admin().body(Map.of()).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        Row again = lead(id);
        assertNull(again.getOffsetDateTime("first_touch_at"));
        assertEquals(policy, again.getString("sla_policy_key"));
        assertEquals(Instant.parse("2026-11-16T10:00:00Z"), instant(again, "accepted_at"), "acceptance history stays");
        TestClock.INSTANCE.setTo(Instant.parse("2026-11-17T09:05:00Z"));
        touch(id, "2026-11-17T09:05:00Z");
        assertEquals(Instant.parse("2026-11-17T09:05:00Z"), instant(lead(id), "first_touch_at"));

        admin().queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("source", source).queryParam("groupBy", "policyKey")
                .get("/api/v1/reports/speed-to-lead").then().statusCode(200)
                .body("groups.key", equalTo(List.of(policy)))
                .body("groups[0].handedOff", equalTo(1)).body("groups[0].median", equalTo("PT5M"));
    }

    private static void touch(UUID lead, String at) {
        admin().body(Map.of("kind", "call", "occurredAt", at, "actorId", "rep-1"))
                .post("/api/v1/leads/" + lead + "/touches").then().statusCode(201);
    }

    private Row lead(UUID id) {
        return pool.preparedQuery("select * from leads where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next();
    }

    private Object scalar(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getValue(0);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
