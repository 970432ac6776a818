package io.accord.commitment;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommitmentResourceTest {

    @Test
    void marketingCreatesACommitmentEveryoneReadsIt() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String key = Api.slug("weekly");
        as(Api.newKey("marketing")).body(Commitments.body(key, team, calendar, "week", "handed_off", "B", null, 120,
                        "2026-11-16"))
                .post("/api/v1/commitments").then().statusCode(201)
                .header("Location", endsWith("/api/v1/commitments/" + key))
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("teamKey", equalTo(team))
                .body("period", equalTo("week"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("metric", equalTo("handed_off"))
                .body("minTier", equalTo("B"))
                .body("icpKey", equalTo(null))
                .body("target", equalTo(120))
                .body("startsOn", equalTo("2026-11-16"));
        as(Api.newKey("viewer")).get("/api/v1/commitments/" + key).then().statusCode(200).body("name",
                equalTo("Commitment " + key));
        as(Api.newKey("sales")).queryParam("limit", 200).get("/api/v1/commitments").then().statusCode(200);
        admin().queryParam("resourceType", "commitment").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("commitment.created")))
                .body("items[0].summary", startsWith("Created commitment '" + key + "': 120 handed off leads a week, "
                        + "tier B or better, from 2026-11-16"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstResponse() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String key = Api.slug("retried");
        String marketing = Api.newKey("marketing");
        Map<String, Object> body = Commitments.body(key, team, calendar, "week", "handed_off", null, null, 50,
                "2026-11-16");
        String id = as(marketing).header("Idempotency-Key", "commit-" + key).body(body).post("/api/v1/commitments")
                .then().statusCode(201).extract().path("id");
        as(marketing).header("Idempotency-Key", "commit-" + key).body(body).post("/api/v1/commitments")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(id));
    }

    @Test
    void salesCannotWriteCommitmentsAndSalesManagersCan() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        Map<String, Object> body = Commitments.body(Api.slug("c"), team, calendar, "month", "accepted", null, null, 40,
                "2026-12-01");
        as(Api.newKey("sales")).body(body).post("/api/v1/commitments").then().statusCode(403);
        as(Api.newKey("integrator")).body(body).post("/api/v1/commitments").then().statusCode(403);
        as(Api.newKey("sales_manager")).body(body).post("/api/v1/commitments").then().statusCode(201);
        admin().body(body).post("/api/v1/commitments").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void updatesNeedIfMatchAndAreAudited() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String key = Api.slug("q");
        Map<String, Object> body = Commitments.body(key, team, calendar, "quarter", "handed_off", null, null, 1000,
                "2027-01-01");
        String etag = admin().body(body).post("/api/v1/commitments").then().statusCode(201).extract().header("ETag");
        body.put("target", 1200);
        admin().body(body).put("/api/v1/commitments/" + key).then().statusCode(428);
        admin().header("If-Match", "\"99\"").body(body).put("/api/v1/commitments/" + key).then().statusCode(412);
        String next = admin().header("If-Match", etag).body(body).put("/api/v1/commitments/" + key).then()
                .statusCode(200).body("target", equalTo(1200)).extract().header("ETag");
        body.put("key", "other-key");
        admin().header("If-Match", next).body(body).put("/api/v1/commitments/" + key).then().statusCode(422)
                .body("errors[0].field", equalTo("key"));
        admin().delete("/api/v1/commitments/" + key).then().statusCode(428);
        admin().header("If-Match", next).delete("/api/v1/commitments/" + key).then().statusCode(204);
        admin().get("/api/v1/commitments/" + key).then().statusCode(404);
        admin().queryParam("resourceType", "commitment").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("commitment.created", "commitment.updated",
                        "commitment.deleted")));
    }

    @Test
    void invalidCommitmentsAre422NamingEachField() {
        String calendar = Fixtures.berlinNineToFive();
        String salesTeam = Fixtures.team("mgr-1", null);
        // Tuesday is not the start of a week; a sales team cannot promise leads; the ICP does not exist.
        admin().body(Commitments.body(Api.slug("bad"), salesTeam, calendar, "week", "handed_off", "B", "no-such-icp",
                        10, "2026-11-17"))
                .post("/api/v1/commitments").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors.field", hasItems("startsOn", "teamKey", "icpKey"));
        admin().body(Commitments.body(Api.slug("bad"), "no-such-team", "no-such-calendar", "month", "handed_off", null,
                        null, 10, "2026-11-01"))
                .post("/api/v1/commitments").then().statusCode(422)
                .body("errors.field", hasItems("calendarKey", "teamKey"));
        String team = Commitments.marketingTeam();
        admin().body(Commitments.body(Api.slug("bad"), team, calendar, "fortnight", "meetings", null, null, 0,
                        "2026-11-01"))
                .post("/api/v1/commitments").then().statusCode(422)
                .body("errors.field", hasItems("period", "metric", "target"));
        admin().body(Commitments.body(null, team, calendar, "month", "accepted", null, null, 5, "2026-11-01"))
                .post("/api/v1/commitments").then().statusCode(422).body("errors.field", hasItem("key"));
        // A quarter starts in January, April, July or October.
        admin().body(Commitments.body(Api.slug("bad"), team, calendar, "quarter", "accepted", null, null, 5,
                        "2026-11-01"))
                .post("/api/v1/commitments").then().statusCode(422).body("errors[0].field", equalTo("startsOn"));
    }

    @Test
    void minTierMustBeATierOfTheIcp() {
        String calendar = Fixtures.berlinNineToFive();
        String team = Commitments.marketingTeam();
        String icp = Fixtures.activeIcp(Api.slug("marker"));
        admin().body(Commitments.body(Api.slug("icp"), team, calendar, "week", "handed_off", "Z", icp, 10, "2026-11-16"))
                .post("/api/v1/commitments").then().statusCode(422)
                .body("errors[0].field", equalTo("minTier"))
                .body("errors[0].message", equalTo("ICP '" + icp + "' has no tier 'Z'; its tiers are A, B, C"));
        admin().body(Commitments.body(Api.slug("icp"), team, calendar, "week", "handed_off", "B", icp, 10, "2026-11-16"))
                .post("/api/v1/commitments").then().statusCode(201).body("icpKey", equalTo(icp));
    }

    @Test
    void periodsOfAnUnknownCommitmentAre404AndBadCursorsAre400() {
        admin().get("/api/v1/commitments/no-such-commitment/periods").then().statusCode(404);
        String calendar = Fixtures.berlinNineToFive();
        String key = Api.slug("p");
        admin().body(Commitments.body(key, Commitments.marketingTeam(), calendar, "month", "handed_off", null, null, 5,
                "2026-01-01")).post("/api/v1/commitments").then().statusCode(201);
        admin().queryParam("cursor", "nonsense").get("/api/v1/commitments/" + key + "/periods").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        admin().queryParam("limit", 500).get("/api/v1/commitments/" + key + "/periods").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
