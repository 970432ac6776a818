package io.accord.sla;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.MinuteModel;
import io.accord.calendar.TimeRange;
import io.accord.calendar.WeeklyInterval;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Holds on the real database through the API, with a controlled clock: a clock paused over a weekend and a DST change
 * ends where the minute-by-minute oracle says, a hold with {@code until} is ended by the breach detector, a touch meets
 * a held clock, milestones that forbid holds keep running, and the reports leave the paused time out.
 */
@QuarkusTest
class ClockHoldTest {

    @Inject
    BreachDetector detector;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** The Berlin 9-5 calendar of {@link Fixtures#berlinNineToFive()}, for the oracle. */
    static BusinessCalendar berlin() {
        List<WeeklyInterval> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyInterval(d, 9 * 60, 17 * 60));
        }
        return new BusinessCalendar(ZoneId.of("Europe/Berlin"), weekdays, Set.of());
    }

    /** The brute-force deadline: business minutes of the calendar, less the held ones, walked one by one. */
    static Instant oracleDue(Instant start, Duration target, List<TimeRange> held) {
        BusinessCalendar calendar = berlin();
        MinuteModel model = new MinuteModel(start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(40)),
                t -> calendar.isOpen(t) && held.stream().noneMatch(r -> r.contains(t)));
        return model.due(start, target).orElseThrow();
    }

    static void now(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
    }

    void detectAt(String instant) {
        now(instant);
        detector.drain().await().indefinitely();
    }

    /** A source with its own policy of these milestones on a fresh Berlin 9-5 calendar. */
    static String sourceWithPolicy(List<Map<String, Object>> milestones) {
        String source = Api.slug("hold");
        Fixtures.createPolicy(Fixtures.policy(source, 10, Fixtures.berlinNineToFive(),
                Map.of("sources", List.of(source)), milestones));
        return source;
    }

    static String handedOffLead(String source, String at) {
        now(at);
        String id = Fixtures.ingest(Fixtures.lead(source, Api.slug("ext"), "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        return id;
    }

    static Map<String, Object> clock(JsonPath sla, String milestone) {
        return sla.<Map<String, Object>>getList("clocks").stream().filter(c -> milestone.equals(c.get("milestone")))
                .reduce((a, b) -> b).orElseThrow();
    }

    static JsonPath sla(String id) {
        return admin().get("/api/v1/leads/" + id + "/sla").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> notHoldable(Map<String, Object> milestone) {
        milestone.put("holdable", false);
        return milestone;
    }

    @Test
    void aClockHeldOverAWeekendAndTheSpringChangeEndsWhereTheOracleSaysAndTheDetectorEndsTheHold() {
        Map<String, Object> first = Fixtures.milestone("first_touch", "PT4H");
        first.put("warnAt", 0.75);
        first.put("escalateAfter", "PT2H");
        String source = sourceWithPolicy(List.of(first, notHoldable(Fixtures.milestone("decision", "P1D"))));
        // Thursday 2026-03-26 16:00 CET.
        String id = handedOffLead(source, "2026-03-26T15:00:00Z");
        String sales = Api.newKey("sales");

        // Friday 10:00 CET, on hold until Monday 11:00 CEST (the clocks go forward on Sunday).
        now("2026-03-27T09:00:00Z");
        as(sales).body(Map.of("reason", "Waiting for legal review", "until", "2026-03-30T09:00:00Z"))
                .post("/api/v1/leads/" + id + "/hold").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("hold.reason", equalTo("Waiting for legal review"))
                .body("hold.since", equalTo("2026-03-27T09:00:00Z"))
                .body("hold.until", equalTo("2026-03-30T09:00:00Z"));
        JsonPath held = sla(id);
        assertEquals("paused", clock(held, "first_touch").get("status"));
        assertEquals("running", clock(held, "decision").get("status"), "decision forbids holds");
        assertEquals("Waiting for legal review", held.getString("hold.reason"));
        assertEquals("2026-03-30T09:00:00Z", held.getString("hold.until"));
        as(sales).body(Map.of("reason", "again")).post("/api/v1/leads/" + id + "/hold").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:conflict"));

        detectAt("2026-03-30T08:59:59Z");
        assertEquals("paused", clock(sla(id), "first_touch").get("status"));
        // The detector resumes the hold as of its until, whenever it runs.
        detectAt("2026-03-30T09:30:00Z");
        JsonPath resumed = sla(id);
        Map<String, Object> c = clock(resumed, "first_touch");
        assertEquals("running", c.get("status"));
        Instant start = Instant.parse("2026-03-26T15:00:00Z");
        List<TimeRange> hold = List.of(new TimeRange(Instant.parse("2026-03-27T09:00:00Z"),
                Instant.parse("2026-03-30T09:00:00Z")));
        Instant due = oracleDue(start, Duration.ofHours(4), hold);
        // Thursday 16-17, Friday 9-10, then Monday 11:00-13:00 CEST.
        assertEquals(Instant.parse("2026-03-30T11:00:00Z"), due);
        assertEquals(due.toString(), c.get("dueAt"));
        assertEquals(oracleDue(start, Duration.ofHours(3), hold).toString(), c.get("warnAt"));
        assertEquals(oracleDue(due, Duration.ofHours(2), hold).toString(), c.get("escalateAt"));
        assertEquals("PT9H", c.get("pausedBusinessTime"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pauses = (List<Map<String, Object>>) c.get("pauses");
        assertEquals("2026-03-30T09:00:00Z", pauses.get(0).get("to"));
        org.junit.jupiter.api.Assertions.assertNull(resumed.get("hold"));
        // The hold ended by itself: nothing to resume.
        as(sales).post("/api/v1/leads/" + id + "/resume").then().statusCode(409);

        // Met at 12:30 CEST, before the moved deadline: on time.
        now("2026-03-30T10:30:00Z");
        as(sales).body(Map.of("kind", "call", "occurredAt", "2026-03-30T10:30:00Z", "actorId", "u-7"))
                .post("/api/v1/leads/" + id + "/touches").then().statusCode(201);
        Map<String, Object> met = clock(sla(id), "first_touch");
        assertEquals("met", met.get("status"));
        assertEquals(false, met.get("late"));

        // The report leaves the pause out: business time Thu 16-17, Fri 9-10, Mon 11:00-12:30 = 3h30; wall time
        // 91h30 less the 72 hours on hold.
        as(Api.newKey("viewer")).queryParam("from", "2026-03-01T00:00:00Z").queryParam("to", "2026-04-01T00:00:00Z")
                .queryParam("source", source).queryParam("milestone", "first_touch")
                .get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("total.clocks", equalTo(1)).body("total.metOnTime", equalTo(1))
                .body("total.timeToMet.business.median", equalTo("PT3H30M"))
                .body("total.timeToMet.wall.median", equalTo("PT19H30M"))
                .body("total.holds.pausedClocks", equalTo(1)).body("total.holds.pauses", equalTo(1))
                .body("total.holds.pausedBusinessTime", equalTo("PT9H"));
    }

    @Test
    void aTouchMeetsAHeldClockAndResumeMovesTheOthersByTheHeldBusinessTime() {
        Map<String, Object> attempts = Fixtures.milestone("attempts", "P1D");
        attempts.put("attempts", 2);
        String source = sourceWithPolicy(List.of(Fixtures.milestone("first_touch", "PT4H"), attempts));
        // Monday 2026-11-23 09:00 Berlin.
        String id = handedOffLead(source, "2026-11-23T08:00:00Z");
        String sales = Api.newKey("sales");
        as(sales).post("/api/v1/leads/" + id + "/resume").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:conflict"));

        now("2026-11-23T09:00:00Z");
        as(sales).body(Map.of("reason", "Prospect travelling")).post("/api/v1/leads/" + id + "/hold").then()
                .statusCode(200).body("hold.until", nullValue());
        now("2026-11-23T10:00:00Z");
        as(sales).body(Map.of("kind", "call", "occurredAt", "2026-11-23T10:00:00Z", "actorId", "u-7"))
                .post("/api/v1/leads/" + id + "/touches").then().statusCode(201);
        JsonPath sla = sla(id);
        Map<String, Object> first = clock(sla, "first_touch");
        assertEquals("met", first.get("status"), "a touch while held meets the clock");
        assertEquals(false, first.get("late"));
        assertEquals("PT1H", first.get("pausedBusinessTime"));
        assertEquals("paused", clock(sla, "attempts").get("status"), "one of two attempts");

        now("2026-11-23T11:00:00Z");
        as(sales).post("/api/v1/leads/" + id + "/resume").then().statusCode(200).body("hold", nullValue());
        Map<String, Object> after = clock(sla(id), "attempts");
        assertEquals("running", after.get("status"));
        Instant due = oracleDue(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofDays(1), List.of(
                new TimeRange(Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T11:00:00Z"))));
        assertEquals(due.toString(), after.get("dueAt"));
        // 24 business hours: Wednesday 17:00 without the hold, two business hours later with it.
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), due);
        assertEquals("PT2H", after.get("pausedBusinessTime"));
        as(sales).post("/api/v1/leads/" + id + "/resume").then().statusCode(409);
        admin().get("/api/v1/leads/" + id).then().statusCode(200).body("hold", nullValue());
    }

    @Test
    void aLeadWithoutAHoldableRunningClockCannotBeHeld() {
        String source = sourceWithPolicy(List.of(notHoldable(Fixtures.milestone("first_touch", "PT4H"))));
        String id = handedOffLead(source, "2026-11-23T08:00:00Z");
        String sales = Api.newKey("sales");
        as(sales).body(Map.of("reason", "waiting")).post("/api/v1/leads/" + id + "/hold").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:conflict"));
        admin().get("/api/v1/leads/" + id).then().body("hold", nullValue());
        assertEquals("running", clock(sla(id), "first_touch").get("status"));
        as(sales).body(Map.of("reason", "waiting", "until", "2026-11-23T07:00:00Z"))
                .post("/api/v1/leads/" + id + "/hold").then().statusCode(422);
        as(sales).body(Map.of("reason", " ")).post("/api/v1/leads/" + id + "/hold").then().statusCode(422);
        as(Api.newKey("marketing")).body(Map.of("reason", "waiting")).post("/api/v1/leads/" + id + "/hold").then()
                .statusCode(403);
        // A lead never handed off has no clocks to hold.
        String fresh = Fixtures.ingest(Fixtures.lead(source, Api.slug("ext"), "DE"));
        as(sales).body(Map.of("reason", "waiting")).post("/api/v1/leads/" + fresh + "/hold").then().statusCode(409);
    }
}
