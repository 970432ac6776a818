package io.accord.lead;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An API key's teamKey must name a team, and limits the key's writes to that team's leads (403 otherwise). */
@QuarkusTest
class TeamBoundKeyTest {

    private static final String FORBIDDEN = "urn:accord:problem:forbidden";

    private static String key(String team, String... roles) {
        return admin().body(Map.of("name", "bound-" + UUID.randomUUID(), "roles", List.of(roles), "teamKey", team))
                .post("/api/v1/api-keys").then().statusCode(201).body("teamKey", equalTo(team)).extract().path("key");
    }

    private static String lead(String source, String team) {
        Map<String, Object> body = Fixtures.lead(source, Api.slug("c"), "DE");
        if (team != null) {
            body.put("teamKey", team);
        }
        return Fixtures.ingest(body);
    }

    @Test
    void aKeysTeamMustExist() {
        admin().body(Map.of("name", "bound-" + UUID.randomUUID(), "roles", List.of("sales"), "teamKey", "no-such-team"))
                .post("/api/v1/api-keys").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("teamKey"));
        String team = Fixtures.team("mgr-1", null);
        String id = admin().body(Map.of("name", "bound-" + UUID.randomUUID(), "roles", List.of("sales"), "teamKey", team))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        String etag = admin().get("/api/v1/api-keys/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("name", "renamed-" + UUID.randomUUID(), "roles", List.of("sales"),
                        "teamKey", "gone-team")).put("/api/v1/api-keys/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("teamKey"));
    }

    @Test
    void aPushWithoutTeamGetsTheKeysTeamAndAnotherTeamIsRefused() {
        String a = Fixtures.team("mgr-a", null);
        String b = Fixtures.team("mgr-b", null);
        String integrator = key(a, "integrator");
        String source = Api.slug("scope");
        as(integrator).body(Fixtures.lead(source, "own", "DE")).post("/api/v1/leads").then().statusCode(201)
                .body("teamKey", equalTo(a));
        Map<String, Object> other = Fixtures.lead(source, "other", "DE");
        other.put("teamKey", b);
        as(integrator).body(other).post("/api/v1/leads").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(FORBIDDEN))
                .body("errors[0].field", equalTo("teamKey"));
        // An existing lead of team B cannot be overwritten by pushing it without a team either.
        String ofB = lead(source, b);
        String externalId = admin().get("/api/v1/leads/" + ofB).then().extract().path("externalId");
        Map<String, Object> again = Fixtures.lead(source, externalId, "FR");
        as(integrator).body(again).post("/api/v1/leads").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        admin().get("/api/v1/leads/" + ofB).then().body("company.country", equalTo("DE")).body("teamKey", equalTo(b));
        // A lead without a team before hand-off may be taken into the key's team by a push.
        String unassigned = lead(source, null);
        String unassignedExt = admin().get("/api/v1/leads/" + unassigned).then().extract().path("externalId");
        as(integrator).body(Fixtures.lead(source, unassignedExt, "DE")).post("/api/v1/leads").then().statusCode(200)
                .body("teamKey", equalTo(a));
    }

    @Test
    void bulkItemsOfAnotherTeamFailAlone() {
        String a = Fixtures.team("mgr-a", null);
        String b = Fixtures.team("mgr-b", null);
        String marketing = key(a, "marketing");
        String source = Api.slug("bulk");
        Map<String, Object> other = Fixtures.lead(source, "b-1", "DE");
        other.put("teamKey", b);
        String ofB = lead(source, b);
        String ofBExt = admin().get("/api/v1/leads/" + ofB).then().extract().path("externalId");
        as(marketing).body(Map.of("items", List.of(Fixtures.lead(source, "a-1", "DE"), other,
                        Fixtures.lead(source, ofBExt, "DE"))))
                .post("/api/v1/leads/bulk").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("created", "failed", "failed")))
                .body("results[1].problem.status", equalTo(403)).body("results[1].problem.errors[0].field", equalTo("items[1].teamKey"))
                .body("results[2].problem.status", equalTo(403)).body("results[2].problem.errors[0].field", equalTo("items[2].externalId"));
        admin().queryParam("source", source).queryParam("teamKey", a).get("/api/v1/leads").then()
                .body("items.externalId", equalTo(List.of("a-1")));
    }

    @Test
    void aBoundKeyCannotActOnAnotherTeamsLead() {
        String a = Fixtures.team("mgr-a", null);
        String b = Fixtures.team("mgr-b", null);
        String source = Api.slug("act");
        String ofB = lead(source, b);
        admin().post("/api/v1/leads/" + ofB + "/hand-off").then().statusCode(200);
        String sales = key(a, "sales");
        String manager = key(a, "sales_manager");
        String marketing = key(a, "marketing");
        String path = "/api/v1/leads/" + ofB;
        as(sales).post(path + "/accept").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as(sales).body(Map.of("reason", "no_budget")).post(path + "/reject").then().statusCode(403);
        as(sales).body(Map.of("kind", "call", "occurredAt", "2026-01-01T00:00:00Z", "actorId", "u-1"))
                .post(path + "/touches").then().statusCode(403);
        as(marketing).post(path + "/recycle").then().statusCode(403);
        as(manager).body(Map.of("teamKey", a)).post(path + "/assign").then().statusCode(403);
        as(manager).body(Map.of("ownerId", "u-1")).post(path + "/assign").then().statusCode(403);
        // Nothing changed, and reads are not limited.
        as(sales).get(path).then().statusCode(200).body("status", equalTo("mql")).body("teamKey", equalTo(b));
        admin().queryParam("resourceType", "lead").queryParam("resourceId", ofB).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("lead.created", "lead.handed_off")));
    }

    @Test
    void aBoundKeyWorksItsOwnLeadsButCannotMoveThemAway() {
        String a = Fixtures.team("mgr-a", null);
        String b = Fixtures.team("mgr-b", null);
        String source = Api.slug("own");
        String sales = key(a, "sales");
        String manager = key(a, "sales_manager");
        // A lead without a team: the key may hand it off into its team, not act on it as it is.
        String unassigned = lead(source, null);
        as(manager).post("/api/v1/leads/" + unassigned + "/hand-off").then().statusCode(403);
        as(manager).body(Map.of("teamKey", b)).post("/api/v1/leads/" + unassigned + "/hand-off").then().statusCode(403);
        as(manager).body(Map.of("teamKey", a)).post("/api/v1/leads/" + unassigned + "/hand-off").then().statusCode(200)
                .body("teamKey", equalTo(a));
        as(sales).post("/api/v1/leads/" + unassigned + "/accept").then().statusCode(200);
        as(sales).post("/api/v1/leads/" + unassigned + "/qualify").then().statusCode(200);
        as(manager).body(Map.of("teamKey", b)).post("/api/v1/leads/" + unassigned + "/assign").then().statusCode(403);
        as(manager).body(Map.of("ownerId", "u-7")).post("/api/v1/leads/" + unassigned + "/assign").then().statusCode(200);
        as(sales).body(Map.of("outcome", "won")).post("/api/v1/leads/" + unassigned + "/close").then().statusCode(200)
                .body("status", equalTo("won"));
        // An unbound key is not limited.
        admin().body(Map.of("teamKey", b)).post("/api/v1/leads/" + unassigned + "/assign").then().statusCode(409);
    }
}
