package io.accord.sla;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.calendar.TimeRange;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar modes on the real database: a policy counting the owner's own hours or both, and a team whose absent
 * owners' clocks pause, with an absence recorded (and removed) after the clock started: the deadlines move in the
 * absence's own transaction, before any detector round.
 */
@QuarkusTest
class OwnerCalendarTest {

    @Inject
    BreachDetector detector;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static void now(String instant) {
        TestClock.INSTANCE.setTo(Instant.parse(instant));
    }

    /** A person working 09:00-17:00 New York time on weekdays. */
    private static String newYorker() {
        String id = Api.slug("rep");
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.add(Map.of("day", day, "start", "09:00", "end", "17:00"));
        }
        admin().body(Map.of("id", id, "name", "Rep " + id, "calendar",
                Map.of("timeZone", "America/New_York", "hours", hours))).post("/api/v1/people").then().statusCode(201);
        return id;
    }

    private static String team(String ownerAbsence) {
        String key = Api.slug("team");
        admin().body(Map.of("key", key, "name", "Team " + key, "function", "sales", "ownerAbsence", ownerAbsence))
                .post("/api/v1/teams").then().statusCode(201).body("ownerAbsence", equalTo(ownerAbsence));
        return key;
    }

    /** A lead of a fresh source with a first-touch-in-4h policy counting {@code businessTime}; returns its clock. */
    private static Map<String, Object> firstTouchClock(String businessTime, String owner, String team) {
        String source = Api.slug("own");
        Map<String, Object> policy = Fixtures.policy(source, 10, Fixtures.berlinNineToFive(),
                Map.of("sources", List.of(source)), List.of(Fixtures.milestone("first_touch", "PT4H")));
        policy.put("businessTime", businessTime);
        admin().body(policy).post("/api/v1/sla-policies").then().statusCode(201)
                .body("businessTime", equalTo(businessTime));
        // Monday 2026-11-23 09:00 Berlin, 03:00 New York.
        now("2026-11-23T08:00:00Z");
        Map<String, Object> lead = new LinkedHashMap<>(Fixtures.lead(source, Api.slug("ext"), "DE"));
        lead.put("ownerId", owner);
        if (team != null) {
            lead.put("teamKey", team);
        }
        String id = Fixtures.ingest(lead);
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        return ClockHoldTest.clock(ClockHoldTest.sla(id), "first_touch");
    }

    @Test
    void ownerAndBothCountTheOwnersOwnHours() {
        String rep = newYorker();
        // New York 09:00-13:00 on Monday: 14:00Z-18:00Z.
        assertEquals("2026-11-23T18:00:00Z", firstTouchClock("owner", rep, null).get("dueAt"));
        // Both open 09:00-11:00 New York (15:00-17:00 Berlin) = 14:00Z-16:00Z: two hours on Monday, two on Tuesday.
        assertEquals("2026-11-24T16:00:00Z", firstTouchClock("both", rep, null).get("dueAt"));
        // An owner without a calendar follows the team's: Berlin 09:00-13:00.
        assertEquals("2026-11-23T12:00:00Z", firstTouchClock("owner", Api.slug("nobody"), null).get("dueAt"));
        assertEquals("2026-11-23T12:00:00Z", firstTouchClock("team", rep, null).get("dueAt"));
    }

    @Test
    void anAbsenceRecordedAfterTheClockStartedMovesItsDeadlineWhenTheTeamPausesAbsentOwners() {
        String rep = Api.slug("rep");
        admin().body(Map.of("id", rep, "name", "Rep " + rep)).post("/api/v1/people").then().statusCode(201);
        Map<String, Object> clock = firstTouchClock("team", rep, team("pause"));
        assertEquals("2026-11-23T12:00:00Z", clock.get("dueAt"));
        String lead = clock.get("leadId").toString();

        // At 11:00 Berlin the owner is off until 16:00 Berlin.
        now("2026-11-23T10:00:00Z");
        admin().body(Map.of("startsAt", "2026-11-23T10:00:00Z", "endsAt", "2026-11-23T15:00:00Z", "reason", "doctor"))
                .post("/api/v1/people/" + rep + "/absences").then().statusCode(201);
        now("2026-11-23T12:00:00Z");
        detector.drain().await().indefinitely();
        Instant expected = ClockHoldTest.oracleDue(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofHours(4),
                List.of(new TimeRange(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T15:00:00Z"))));
        // Monday 09-11 and 16-17 Berlin, then Tuesday 09-10.
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), expected);
        Map<String, Object> moved = ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch");
        assertEquals("running", moved.get("status"));
        assertEquals(expected.toString(), moved.get("dueAt"));
        admin().queryParam("leadId", lead).get("/api/v1/alerts").then().statusCode(200).body("items.size()", equalTo(0));

        now("2026-11-24T09:00:00Z");
        detector.drain().await().indefinitely();
        assertEquals("breached", ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch").get("status"));

        // A team that keeps absent owners' clocks running: the same absence moves nothing.
        String other = Api.slug("rep");
        admin().body(Map.of("id", other, "name", "Rep " + other)).post("/api/v1/people").then().statusCode(201);
        Map<String, Object> running = firstTouchClock("team", other, team("keep_running"));
        now("2026-11-23T10:00:00Z");
        admin().body(Map.of("startsAt", "2026-11-23T10:00:00Z", "endsAt", "2026-11-23T15:00:00Z"))
                .post("/api/v1/people/" + other + "/absences").then().statusCode(201);
        now("2026-11-23T12:00:00Z");
        detector.drain().await().indefinitely();
        assertEquals("breached", ClockHoldTest.clock(ClockHoldTest.sla(running.get("leadId").toString()),
                "first_touch").get("status"));
    }

    @Test
    void recordingAndRemovingAnAbsenceMoveTheOwnersClocksAtOnce() {
        String rep = Api.slug("rep");
        admin().body(Map.of("id", rep, "name", "Rep " + rep)).post("/api/v1/people").then().statusCode(201);
        Map<String, Object> clock = firstTouchClock("team", rep, team("pause"));
        assertEquals("2026-11-23T12:00:00Z", clock.get("dueAt"));
        String lead = clock.get("leadId").toString();

        // At 11:00 Berlin the owner is off until 16:00 Berlin: the lead's view and the board move at once.
        now("2026-11-23T10:00:00Z");
        String absence = admin().body(Map.of("startsAt", "2026-11-23T10:00:00Z", "endsAt", "2026-11-23T15:00:00Z"))
                .post("/api/v1/people/" + rep + "/absences").then().statusCode(201).extract().path("id");
        // Monday 09-11 and 16-17 Berlin, then Tuesday 09-10.
        String moved = "2026-11-24T09:00:00Z";
        assertEquals(moved, ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch").get("dueAt"));
        admin().queryParam("ownerId", rep).get("/api/v1/sla-clocks").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].dueAt", equalTo(moved));
        // Its next check moved too: at the old due date the detector finds nothing to raise.
        now("2026-11-23T12:00:00Z");
        detector.drain().await().indefinitely();
        assertEquals("running", ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch").get("status"));
        admin().queryParam("leadId", lead).get("/api/v1/alerts").then().statusCode(200).body("items.size()", equalTo(0));

        // Removing the absence moves it back, and the detector, now past it, breaches.
        admin().delete("/api/v1/people/" + rep + "/absences/" + absence).then().statusCode(204);
        assertEquals("2026-11-23T12:00:00Z", ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch").get("dueAt"));
        admin().queryParam("ownerId", rep).get("/api/v1/sla-clocks").then().statusCode(200)
                .body("items[0].dueAt", equalTo("2026-11-23T12:00:00Z"));
        detector.drain().await().indefinitely();
        assertEquals("breached", ClockHoldTest.clock(ClockHoldTest.sla(lead), "first_touch").get("status"));
    }
}
