package io.accord.people;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeopleResourceTest {

    @Inject
    PeopleDirectory directory;

    private static Map<String, Object> person(String id, String team) {
        Map<String, Object> b = new HashMap<>(Map.of("id", id, "name", "Ada Lovelace", "email", "ada@example.com",
                "teams", List.of(team)));
        b.put("calendar", Map.of("timeZone", "Europe/Berlin", "hours", List.of(
                Map.of("day", "monday", "start", "09:00", "end", "12:00"),
                Map.of("day", "monday", "start", "13:00", "end", "17:00"))));
        return b;
    }

    @Test
    void salesManagerCreatesReplacesAndDeletesAPersonAndEveryoneReadsIt() {
        String team = Fixtures.team("mgr-1", Fixtures.berlinNineToFive());
        String id = Api.slug("rep");
        String manager = Api.newKey("sales_manager");
        String etag = as(manager).body(person(id, team)).post("/api/v1/people").then().statusCode(201)
                .header("Location", endsWith("/api/v1/people/" + id))
                .header("ETag", notNullValue())
                .body("id", equalTo(id))
                .body("teams", equalTo(List.of(team)))
                .body("calendar.hours", hasSize(2))
                .body("active", equalTo(true))
                .extract().header("ETag");
        as(Api.newKey("viewer")).get("/api/v1/people/" + id).then().statusCode(200).body("email", equalTo("ada@example.com"));
        admin().queryParam("team", team).get("/api/v1/people").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        admin().queryParam("team", "no-such-team").get("/api/v1/people").then().statusCode(200).body("items", hasSize(0));
        as(manager).body(person(id, team)).post("/api/v1/people").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:duplicate"));

        Map<String, Object> changed = person(id, team);
        changed.remove("calendar");
        changed.put("active", false);
        as(manager).body(changed).put("/api/v1/people/" + id).then().statusCode(428);
        as(manager).header("If-Match", "\"99\"").body(changed).put("/api/v1/people/" + id).then().statusCode(412);
        String next = as(manager).header("If-Match", etag).body(changed).put("/api/v1/people/" + id).then()
                .statusCode(200).body("active", equalTo(false)).body("calendar", equalTo(null)).extract().header("ETag");
        assertTrue(!next.equals(etag));
        as(manager).header("If-Match", next).delete("/api/v1/people/" + id).then().statusCode(204);
        admin().get("/api/v1/people/" + id).then().statusCode(404);
        admin().queryParam("resourceType", "person").queryParam("resourceId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("person.created", "person.updated", "person.deleted")));
    }

    @Test
    void onlyAdminsAndSalesManagersWritePeople() {
        String team = Fixtures.team("mgr-1", null);
        as(Api.newKey("sales")).body(person(Api.slug("r"), team)).post("/api/v1/people").then().statusCode(403);
        as(Api.newKey("marketing")).body(person(Api.slug("r"), team)).post("/api/v1/people").then().statusCode(403);
        Api.anonymous().get("/api/v1/people").then().statusCode(401);
    }

    @Test
    void invalidPeopleAre422NamingEachField() {
        Map<String, Object> bad = person("has space", "no-such-team");
        bad.put("email", "not-an-address");
        bad.put("calendar", Map.of("timeZone", "+02:00", "hours", List.of(
                Map.of("day", "monday", "start", "09:00", "end", "12:00"),
                Map.of("day", "monday", "start", "11:00", "end", "13:00"))));
        admin().body(bad).post("/api/v1/people").then().statusCode(422)
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("email"));
        Map<String, Object> refs = person(Api.slug("rep"), "no-such-team");
        refs.put("calendar", Map.of("timeZone", "+02:00", "hours", List.of(
                Map.of("day", "monday", "start", "09:00", "end", "12:00"),
                Map.of("day", "monday", "start", "11:00", "end", "13:00"))));
        admin().body(refs).post("/api/v1/people").then().statusCode(422)
                .body("errors.field", equalTo(List.of("calendar.timeZone", "calendar.hours[1].start", "teams[0]")));
        Map<String, Object> noId = person(Api.slug("rep"), Fixtures.team("m", null));
        noId.remove("id");
        admin().body(noId).post("/api/v1/people").then().statusCode(422).body("errors[0].field", equalTo("id"));
    }

    @Test
    void absencesAreRecordedListedOverlappedAndRemoved() {
        String team = Fixtures.team("mgr-1", null);
        String id = Api.slug("rep");
        admin().body(person(id, team)).post("/api/v1/people").then().statusCode(201);
        String manager = Api.newKey("sales_manager");
        String absence = as(manager).body(Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2027-01-04T00:00:00Z",
                        "reason", "Holidays"))
                .post("/api/v1/people/" + id + "/absences").then().statusCode(201)
                .header("Location", notNullValue())
                .body("personId", equalTo(id)).body("reason", equalTo("Holidays")).extract().path("id");
        as(manager).body(Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2026-12-21T00:00:00Z"))
                .post("/api/v1/people/" + id + "/absences").then().statusCode(422)
                .body("errors[0].field", equalTo("endsAt"));
        as(manager).body(Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2026-12-22T00:00:00Z"))
                .post("/api/v1/people/nobody-" + id + "/absences").then().statusCode(404);
        as(Api.newKey("sales")).body(Map.of("startsAt", "2026-12-21T00:00:00Z", "endsAt", "2026-12-22T00:00:00Z"))
                .post("/api/v1/people/" + id + "/absences").then().statusCode(403);
        admin().get("/api/v1/people/" + id + "/absences").then().statusCode(200).body("items.id", equalTo(List.of(absence)));

        assertEquals(1, directory.absences(id, Instant.parse("2027-01-03T23:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"))
                .await().indefinitely().size());
        assertEquals(0, directory.absences(id, Instant.parse("2027-01-04T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"))
                .await().indefinitely().size());
        assertEquals(List.of(team), directory.memberships(id).await().indefinitely());
        Optional<BusinessCalendar> calendar = directory.personalCalendar(id).await().indefinitely();
        assertTrue(calendar.isPresent());
        assertTrue(calendar.get().isOpen(Instant.parse("2026-11-23T08:30:00Z")));
        assertTrue(!calendar.get().isOpen(Instant.parse("2026-11-23T11:30:00Z")));

        as(manager).delete("/api/v1/people/" + id + "/absences/" + absence).then().statusCode(204);
        as(manager).delete("/api/v1/people/" + id + "/absences/" + absence).then().statusCode(404);
        as(manager).delete("/api/v1/people/" + id + "/absences/not-a-uuid").then().statusCode(404);
        admin().get("/api/v1/people/" + id + "/absences").then().body("items", hasSize(0));
        admin().queryParam("resourceType", "person").queryParam("resourceId", id).get("/api/v1/audit-events").then()
                .body("items.action", hasItem("person.absence_added"))
                .body("items.action", hasItem("person.absence_deleted"))
                .body("items.action", not(hasItem("person.deleted")));
    }
}
