package io.accord.calendar;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarResourceTest {

    /** Berlin, Monday to Friday 09:00-12:30 and 13:30-18:00, Christmas off. */
    static Map<String, Object> berlin(String key) {
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.add(Map.of("day", day, "start", "09:00", "end", "12:30"));
            hours.add(Map.of("day", day, "start", "13:30", "end", "18:00"));
        }
        return Map.of("key", key, "name", "EMEA sales", "timeZone", "Europe/Berlin", "hours", hours,
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas Day")));
    }

    static String create(Map<String, Object> body) {
        return admin().body(body).post("/api/v1/calendars").then().statusCode(201).extract().path("key");
    }

    @Test
    void salesManagerCreatesACalendarAndEveryoneReadsIt() {
        String key = Api.slug("emea");
        as(Api.newKey("sales_manager")).body(berlin(key)).post("/api/v1/calendars").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/calendars/" + key))
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("weeklyBusinessTime", equalTo("PT40H"))
                .body("hours.size()", equalTo(10));
        as(Api.newKey("viewer")).get("/api/v1/calendars/" + key).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("holidays[0].name", equalTo("Christmas Day"));
        admin().queryParam("limit", 200).get("/api/v1/calendars").then().statusCode(200).body("items.key", hasItem(key));
        admin().queryParam("resourceType", "calendar").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("calendar.created")));
    }

    @Test
    void marketingCannotCreateCalendars() {
        as(Api.newKey("marketing")).body(berlin(Api.slug("m"))).post("/api/v1/calendars").then().statusCode(403);
    }

    @Test
    void invalidCalendarsAre422NamingTheField() {
        Map<String, Object> body = Map.of("key", Api.slug("bad"), "name", "Bad", "timeZone", "GMT+1",
                "hours", List.of(Map.of("day", "monday", "start", "09:00", "end", "12:00"),
                        Map.of("day", "monday", "start", "11:00", "end", "13:00"),
                        Map.of("day", "funday", "start", "25:00", "end", "24:00")),
                "holidays", List.of(Map.of("date", "2026-02-30")));
        admin().body(body).post("/api/v1/calendars").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("hours[1].start"))
                .body("errors.field", hasItem("hours[2].day"))
                .body("errors.field", hasItem("hours[2].start"))
                .body("errors.field", hasItem("holidays[0].date"));
        admin().body(Map.of("key", Api.slug("empty"), "name", "Empty", "timeZone", "UTC", "hours", List.of()))
                .post("/api/v1/calendars").then().statusCode(422).body("errors.field", hasItem("hours"));
    }

    @Test
    void duplicateKeyIs409() {
        String key = create(berlin(Api.slug("dup")));
        admin().body(berlin(key)).post("/api/v1/calendars").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void updateAndDeleteRequireIfMatch() {
        String key = create(berlin(Api.slug("upd")));
        String etag = admin().get("/api/v1/calendars/" + key).then().extract().header("ETag");
        Map<String, Object> change = new java.util.HashMap<>(berlin(key));
        change.put("timeZone", "America/New_York");
        admin().body(change).put("/api/v1/calendars/" + key).then().statusCode(428);
        admin().header("If-Match", "\"99\"").body(change).put("/api/v1/calendars/" + key).then().statusCode(412);
        String newTag = admin().header("If-Match", etag).body(change).put("/api/v1/calendars/" + key).then()
                .statusCode(200).body("timeZone", equalTo("America/New_York")).extract().header("ETag");
        admin().delete("/api/v1/calendars/" + key).then().statusCode(428);
        admin().header("If-Match", etag).delete("/api/v1/calendars/" + key).then().statusCode(412);
        admin().header("If-Match", newTag).delete("/api/v1/calendars/" + key).then().statusCode(204);
        admin().get("/api/v1/calendars/" + key).then().statusCode(404);
        admin().queryParam("resourceType", "calendar").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("calendar.created", "calendar.updated", "calendar.deleted")));
    }

    @Test
    void fridayEveningStartIsDueMondayMorning() {
        String key = create(berlin(Api.slug("fri")));
        // Friday 2026-11-20 17:00 Berlin (16:00Z): 1 h left that day, 3 h on Monday from 09:00 → Monday 12:00 (11:00Z).
        as(Api.newKey("viewer")).queryParam("start", "2026-11-20T16:00:00Z").queryParam("duration", "PT4H")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(200)
                .body("start", equalTo("2026-11-20T16:00:00Z"))
                .body("duration", equalTo("PT4H"))
                .body("due", equalTo("2026-11-23T11:00:00Z"));
    }

    @Test
    void deadlineThatEndsAtAnIntervalEndReturnsThatEnd() {
        String key = create(berlin(Api.slug("end")));
        // Monday 2026-11-23 09:00 Berlin + 3h30 → exactly 12:30 (11:30Z), not 13:30 after lunch.
        admin().queryParam("start", "2026-11-23T08:00:00Z").queryParam("duration", "PT3H30M")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(200)
                .body("due", equalTo("2026-11-23T11:30:00Z"));
    }

    @Test
    void businessTimeAndIsOpenAnswer() {
        String key = create(berlin(Api.slug("bt")));
        admin().queryParam("from", "2026-11-20T16:00:00Z").queryParam("to", "2026-11-23T11:00:00Z")
                .get("/api/v1/calendars/" + key + "/business-time").then().statusCode(200)
                .body("duration", equalTo("PT4H"));
        admin().queryParam("from", "2026-11-23T11:00:00Z").queryParam("to", "2026-11-20T16:00:00Z")
                .get("/api/v1/calendars/" + key + "/business-time").then().statusCode(200)
                .body("duration", equalTo("PT0S"));
        // Saturday: closed until Monday 09:00 Berlin.
        admin().queryParam("at", "2026-11-21T10:00:00Z").get("/api/v1/calendars/" + key + "/is-open").then()
                .statusCode(200).body("open", equalTo(false)).body("nextChange", equalTo("2026-11-23T08:00:00Z"));
        // Monday 10:00 Berlin: open until lunch at 12:30.
        admin().queryParam("at", "2026-11-23T09:00:00Z").get("/api/v1/calendars/" + key + "/is-open").then()
                .statusCode(200).body("open", equalTo(true)).body("nextChange", equalTo("2026-11-23T11:30:00Z"));
    }

    @Test
    void christmasIsSkipped() {
        String key = create(berlin(Api.slug("xmas")));
        // Thursday 2026-12-24 17:00 Berlin (16:00Z) + 2h: 1h on the 24th, the 25th is a holiday, 1h on Monday 28th.
        admin().queryParam("start", "2026-12-24T16:00:00Z").queryParam("duration", "PT2H")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(200)
                .body("due", equalTo("2026-12-28T09:00:00Z"));
    }

    @Test
    void badParametersAre400NamingThem() {
        String key = create(berlin(Api.slug("par")));
        admin().queryParam("start", "tomorrow").queryParam("duration", "PT1H")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(400).body("errors[0].field", equalTo("start"));
        admin().queryParam("start", "2026-11-20T16:00:00Z").queryParam("duration", "4 hours")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(400).body("errors[0].field", equalTo("duration"));
        admin().queryParam("start", "2026-11-20T16:00:00Z").queryParam("duration", "-PT1H")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(400).body("errors[0].field", equalTo("duration"));
        admin().queryParam("start", "2026-11-20T16:00:00Z").queryParam("duration", "P367D")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(400).body("errors[0].field", equalTo("duration"));
        admin().queryParam("start", "2026-11-20T16:00:00Z")
                .get("/api/v1/calendars/" + key + "/due-date").then().statusCode(400).body("errors[0].field", equalTo("duration"));
        admin().queryParam("at", "2026-11-20T16:00:00Z").get("/api/v1/calendars/nope/is-open").then().statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesADifferentBody() {
        String key = Api.slug("idem");
        String idem = Api.slug("request");
        String first = admin().header("Idempotency-Key", idem).body(berlin(key)).post("/api/v1/calendars").then()
                .statusCode(201).extract().asString();
        String replay = admin().header("Idempotency-Key", idem).body(berlin(key)).post("/api/v1/calendars").then()
                .statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/calendars/" + key))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(
                io.restassured.path.json.JsonPath.from(first).getString("id"),
                io.restassured.path.json.JsonPath.from(replay).getString("id"));
        admin().header("Idempotency-Key", idem).body(berlin(Api.slug("other"))).post("/api/v1/calendars").then()
                .statusCode(422).body("type", equalTo("urn:accord:problem:idempotency-key-reused"));
        // Keys are per principal: another caller may use the same key for its own request.
        as(Api.newKey("sales_manager")).header("Idempotency-Key", idem).body(berlin(Api.slug("mine")))
                .post("/api/v1/calendars").then().statusCode(201);
    }
}
