package io.accord.team;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTest {

    private static Map<String, Object> body(String key, String calendarKey) {
        Map<String, Object> b = new HashMap<>(Map.of("key", key, "name", "EMEA inbound", "function", "sales",
                "managerId", "u-100", "members", List.of("u-1", "u-2", "u-1")));
        if (calendarKey != null) {
            b.put("calendarKey", calendarKey);
        }
        return b;
    }

    @Test
    void salesManagerCreatesATeamAndEveryoneReadsIt() {
        String calendar = Fixtures.berlinNineToFive();
        String key = Api.slug("emea");
        as(Api.newKey("sales_manager")).body(body(key, calendar)).post("/api/v1/teams").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/teams/" + key))
                .header("ETag", notNullValue())
                .body("function", equalTo("sales"))
                .body("managerId", equalTo("u-100"))
                .body("members", equalTo(List.of("u-1", "u-2")))
                .body("calendarKey", equalTo(calendar));
        as(Api.newKey("viewer")).get("/api/v1/teams/" + key).then().statusCode(200).body("key", equalTo(key));
        admin().queryParam("function", "sales").queryParam("limit", 200).get("/api/v1/teams").then().statusCode(200)
                .body("items.key", hasItem(key));
        admin().queryParam("function", "marketing").queryParam("limit", 200).get("/api/v1/teams").then()
                .statusCode(200).body("items.key", not(hasItem(key)));
        admin().queryParam("function", "legal").get("/api/v1/teams").then().statusCode(400)
                .body("errors[0].field", equalTo("function"));
        admin().queryParam("resourceType", "team").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("team.created")));
    }

    @Test
    void marketingAndSalesCannotWriteTeams() {
        as(Api.newKey("marketing")).body(body(Api.slug("m"), null)).post("/api/v1/teams").then().statusCode(403);
        as(Api.newKey("sales")).body(body(Api.slug("s"), null)).post("/api/v1/teams").then().statusCode(403);
    }

    @Test
    void invalidTeamsAre422NamingTheField() {
        Map<String, Object> bad = new HashMap<>(body("Not A Slug", null));
        bad.put("function", "legal");
        admin().body(bad).post("/api/v1/teams").then().statusCode(422)
                .body("errors.field", hasItem("key"))
                .body("errors.field", hasItem("function"));
        admin().body(body(Api.slug("cal"), "no-such-calendar")).post("/api/v1/teams").then().statusCode(422)
                .body("errors[0].field", equalTo("calendarKey"));
        String key = Api.slug("dup");
        admin().body(body(key, null)).post("/api/v1/teams").then().statusCode(201);
        admin().body(body(key, null)).post("/api/v1/teams").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void updateAndDeleteRequireIfMatchAndAreAudited() {
        String key = Api.slug("upd");
        String etag = admin().body(body(key, null)).post("/api/v1/teams").then().statusCode(201).extract().header("ETag");
        Map<String, Object> change = new HashMap<>(body(key, null));
        change.put("managerId", "u-200");
        admin().body(change).put("/api/v1/teams/" + key).then().statusCode(428);
        admin().header("If-Match", "\"42\"").body(change).put("/api/v1/teams/" + key).then().statusCode(412);
        String newTag = admin().header("If-Match", etag).body(change).put("/api/v1/teams/" + key).then()
                .statusCode(200).body("managerId", equalTo("u-200")).extract().header("ETag");
        admin().header("If-Match", newTag).delete("/api/v1/teams/" + key).then().statusCode(204);
        admin().get("/api/v1/teams/" + key).then().statusCode(404);
        admin().queryParam("resourceType", "team").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("team.created", "team.updated", "team.deleted")));
    }

    @Test
    void deletingACalendarATeamUsesIs409() {
        String calendar = Fixtures.berlinNineToFive();
        Fixtures.team("u-9", calendar);
        String etag = admin().get("/api/v1/calendars/" + calendar).then().extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/calendars/" + calendar).then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:in-use"));
        admin().get("/api/v1/calendars/" + calendar).then().statusCode(200);
    }

    @Test
    void deletingATeamThatLeadsBelongToIs409() {
        String team = Fixtures.team("u-9", null);
        Map<String, Object> lead = Fixtures.lead(Api.slug("src"), "t-1", "DE");
        lead.put("teamKey", team);
        Fixtures.ingest(lead);
        String etag = admin().get("/api/v1/teams/" + team).then().extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/teams/" + team).then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:in-use"));
    }
}
