package io.accord.icp;

import static io.accord.icp.IcpApiFixtures.activate;
import static io.accord.icp.IcpApiFixtures.criteria;
import static io.accord.icp.IcpApiFixtures.criterion;
import static io.accord.icp.IcpApiFixtures.draft;
import static io.accord.icp.IcpApiFixtures.marketing;
import static io.accord.icp.IcpApiFixtures.newIcp;
import static io.accord.icp.IcpApiFixtures.propose;
import static io.accord.icp.IcpApiFixtures.sales;
import static io.accord.icp.IcpApiFixtures.tiers;
import static io.accord.icp.IcpApiFixtures.version;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IcpVersionResourceTest {

    private static String path(String key, int n) {
        return "/api/v1/icps/" + key + "/versions/" + n;
    }

    // --- Drafts ----------------------------------------------------------------------------------------------------

    @Test
    void draftsNumberedVersionsWithTheirContentInWireForm() {
        String key = newIcp();
        admin().body(version(criteria(), tiers())).post("/api/v1/icps/" + key + "/versions").then().statusCode(201)
                .header("Location", containsString(path(key, 1)))
                .header("ETag", notNullValue())
                .body("icpKey", equalTo(key))
                .body("version", equalTo(1))
                .body("status", equalTo("draft"))
                .body("criteria", hasSize(5))
                .body("criteria[2].operator", equalTo("in"))
                .body("criteria[3].operator", equalTo("contains_any"))
                .body("criteria[1].min", equalTo(200))
                .body("criteria[1].value", nullValue())
                .body("criteria[0].required", equalTo(true))
                .body("tiers.label", equalTo(List.of("A", "B", "C")))
                .body("notes", equalTo("test version"))
                .body("approvals", empty())
                .body("allowedActions", equalTo(List.of("edit", "propose")));
        assertEquals(2, draft(key));
        admin().get(path(key, 2)).then().statusCode(200).header("ETag", notNullValue()).body("version", equalTo(2));
    }

    @Test
    void invalidCriteriaAre422NamingEveryField() {
        String key = newIcp();
        List<Map<String, Object>> bad = new ArrayList<>(criteria());
        bad.set(2, criterion("company.country", "in", 0, false, "values", List.of("DE")));
        bad.add(criterion("lead.score", "gte", 10, false, "value", "many"));
        admin().body(version(bad, List.of(Map.of("label", "A", "minScore", 80), Map.of("label", "B", "minScore", 90))))
                .post("/api/v1/icps/" + key + "/versions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors.field", equalTo(List.of("criteria[2].weight", "criteria[5].attribute",
                        "criteria[5].value", "tiers[1].minScore")))
                .body("errors[0].message", equalTo("must be between 1 and 100"));
        admin().body(Map.of()).post("/api/v1/icps/" + key + "/versions").then().statusCode(422)
                .body("errors.field", equalTo(List.of("criteria", "tiers")));
    }

    @Test
    void anUnknownOperatorIsABadRequestNamingTheField() {
        String key = newIcp();
        List<Map<String, Object>> bad = new ArrayList<>(criteria());
        bad.set(1, criterion("company.employeeCount", "greater_than", 25, false, "value", "200"));
        admin().body(version(bad, tiers())).post("/api/v1/icps/" + key + "/versions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:invalid-body"))
                .body("errors[0].field", equalTo("criteria[1].operator"))
                .body("errors[0].message", containsString("not_in"))
                .body("errors[0].message", containsString("contains_any"));
    }

    @Test
    void copiesAnEarlierVersionWithFromVersion() {
        String key = newIcp();
        draft(key);
        admin().body(Map.of("fromVersion", 1)).post("/api/v1/icps/" + key + "/versions").then().statusCode(201)
                .body("version", equalTo(2))
                .body("status", equalTo("draft"))
                .body("copiedFrom", equalTo(1))
                .body("criteria", hasSize(5))
                .body("notes", equalTo("test version"));
        admin().body(Map.of("fromVersion", 9)).post("/api/v1/icps/" + key + "/versions").then().statusCode(422)
                .body("errors[0].field", equalTo("fromVersion"));
        admin().body(Map.of("fromVersion", 1, "criteria", criteria())).post("/api/v1/icps/" + key + "/versions")
                .then().statusCode(422).body("errors[0].field", equalTo("criteria"));
    }

    @Test
    void editingADraftRequiresIfMatch() {
        String key = newIcp();
        int n = draft(key);
        String etag = admin().get(path(key, n)).then().extract().header("ETag");
        List<Map<String, Object>> changed = new ArrayList<>(criteria());
        changed.set(1, criterion("company.employeeCount", "between", 40, false, "min", 250, "max", 2000));
        Map<String, Object> body = version(changed, tiers());

        admin().body(body).put(path(key, n)).then().statusCode(428)
                .body("type", equalTo("urn:accord:problem:precondition-required"));
        admin().header("If-Match", "\"999\"").body(body).put(path(key, n)).then().statusCode(412)
                .body("type", equalTo("urn:accord:problem:precondition-failed"));
        String newEtag = admin().header("If-Match", etag).body(body).put(path(key, n)).then().statusCode(200)
                .body("criteria[1].min", equalTo(250))
                .body("criteria[1].weight", equalTo(40))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        admin().header("If-Match", etag).body(body).put(path(key, n)).then().statusCode(412);
    }

    @Test
    void editingIsRefusedOnceProposed() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        String etag = admin().get(path(key, n)).then().extract().header("ETag");
        admin().header("If-Match", etag).body(version(criteria(), tiers())).put(path(key, n)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:invalid-transition"))
                .body("allowedActions", equalTo(List.of("approve", "reject")))
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("proposed"));
        admin().post(path(key, n) + "/propose").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:invalid-transition"));
    }

    @Test
    void proposingFreezesTheContentAndRecordsWhoAndWhen() {
        String key = newIcp();
        int n = draft(key);
        as(marketing()).header("If-Match", "\"999\"").post(path(key, n) + "/propose").then().statusCode(412);
        String by = as(marketing()).post(path(key, n) + "/propose").then().statusCode(200)
                .body("status", equalTo("proposed"))
                .body("proposedAt", notNullValue())
                .body("proposedBy", startsWith("apikey:"))
                .body("allowedActions", equalTo(List.of("approve", "reject")))
                .extract().path("proposedBy");
        admin().get(path(key, n)).then().body("proposedBy", equalTo(by));
    }

    // --- Approvals -------------------------------------------------------------------------------------------------

    @Test
    void aMarketingKeyAndASalesKeyTakeAVersionFromDraftToActive() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(marketing()).body(Map.of("side", "marketing", "comment", "fits Q3 wins")).post(path(key, n) + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("proposed"))
                .body("approvals", hasSize(1))
                .body("approvals[0].side", equalTo("marketing"))
                .body("approvals[0].by", startsWith("apikey:"))
                .body("approvals[0].comment", equalTo("fits Q3 wins"))
                .body("approvals[0].at", notNullValue());
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", nullValue());

        as(sales()).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("approvals.side", equalTo(List.of("marketing", "sales")))
                .body("activatedAt", notNullValue())
                .body("allowedActions", empty());
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", equalTo(n));
    }

    @Test
    void oneSideAloneDoesNotActivate() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(sales()).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then().statusCode(200)
                .body("status", equalTo("proposed"));
        admin().get(path(key, n)).then().body("status", equalTo("proposed")).body("activatedAt", nullValue());
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", nullValue());
    }

    @Test
    void onePrincipalHoldingBothRolesCannotApproveBothSides() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        String both = Api.newKey("marketing", "sales");
        as(both).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(200);
        as(both).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:conflict"))
                .body("detail", containsString("different principal"));
        admin().get(path(key, n)).then().body("status", equalTo("proposed")).body("approvals", hasSize(1));
    }

    @Test
    void aJwtPrincipalHoldingBothRolesIsRefusedTooAndAnotherSubjectCompletesIt() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        String subject = Api.slug("carol") + "@example.com";
        Api.bearer(subject, "marketing", "sales_manager").body(Map.of("side", "marketing"))
                .post(path(key, n) + "/approve").then().statusCode(200);
        Api.bearer(subject, "marketing", "sales_manager").body(Map.of("side", "sales"))
                .post(path(key, n) + "/approve").then().statusCode(409);
        Api.bearer(Api.slug("dave") + "@example.com", "sales_manager").body(Map.of("side", "sales"))
                .post(path(key, n) + "/approve").then().statusCode(200).body("status", equalTo("active"))
                .body("approvals[0].by", equalTo(subject));
    }

    @Test
    void theSameSideCannotApproveTwice() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(marketing()).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(200);
        as(Api.newKey("marketing")).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then()
                .statusCode(409).body("type", equalTo("urn:accord:problem:conflict"))
                .body("detail", containsString("marketing side already approved"));
    }

    @Test
    void approvingWithoutTheSidesRoleIs403AndAdminIsNotEnough() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(marketing()).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:forbidden"));
        as(sales()).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(403);
        admin().body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(403);
        as(Api.newKey("viewer")).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then()
                .statusCode(403);
        admin().get(path(key, n)).then().body("approvals", empty());
    }

    @Test
    void anUnknownSideIs422() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(marketing()).body(Map.of("side", "finance")).post(path(key, n) + "/approve").then().statusCode(422)
                .body("errors[0].field", equalTo("side"));
    }

    @Test
    void approvingADraftIsAnInvalidTransitionListingAllowedActions() {
        String key = newIcp();
        int n = draft(key);
        as(marketing()).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:invalid-transition"))
                .body("allowedActions", equalTo(List.of("edit", "propose")));
    }

    @Test
    void theSecondActivationSupersedesTheFirst() {
        String key = newIcp();
        int first = draft(key);
        activate(key, first);
        int second = draft(key);
        activate(key, second);
        admin().get(path(key, first)).then()
                .body("status", equalTo("superseded"))
                .body("supersededAt", notNullValue())
                .body("allowedActions", empty());
        admin().get(path(key, second)).then().body("status", equalTo("active"));
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", equalTo(second));

        // frozen for good
        String etag = admin().get(path(key, first)).then().extract().header("ETag");
        admin().header("If-Match", etag).body(version(criteria(), tiers())).put(path(key, first)).then()
                .statusCode(409).body("allowedActions", empty());
        as(marketing()).body(Map.of("side", "marketing")).post(path(key, second) + "/reject").then().statusCode(409);
    }

    @Test
    void eitherSideRejectsAProposedVersionForGood() {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        as(marketing()).body(Map.of("side", "marketing")).post(path(key, n) + "/approve").then().statusCode(200);
        as(sales()).body(Map.of("side", "sales", "comment", "too broad for our reps"))
                .post(path(key, n) + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("rejectedAt", notNullValue())
                .body("rejections", hasSize(1))
                .body("rejections[0].side", equalTo("sales"))
                .body("rejections[0].comment", equalTo("too broad for our reps"))
                .body("approvals", hasSize(1))
                .body("allowedActions", empty());
        as(Api.newKey("sales_manager")).body(Map.of("side", "sales")).post(path(key, n) + "/approve").then()
                .statusCode(409).body("type", equalTo("urn:accord:problem:invalid-transition"));
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", nullValue());
        as(Api.newKey("viewer")).body(Map.of("side", "sales")).post(path(key, n) + "/reject").then().statusCode(403);
    }

    @Test
    void retiringLeavesNoActiveVersionAndIsHarmlessToRepeat() {
        String key = newIcp();
        int n = draft(key);
        activate(key, n);
        as(Api.newKey("sales")).post("/api/v1/icps/" + key + "/retire").then().statusCode(403);
        admin().post("/api/v1/icps/" + key + "/retire").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("activeVersion", nullValue());
        admin().get(path(key, n)).then().body("status", equalTo("superseded")).body("supersededAt", notNullValue());
        admin().post("/api/v1/icps/" + key + "/retire").then().statusCode(200).body("activeVersion", nullValue());
        // a later version can still be activated
        int next = draft(key);
        activate(key, next);
        admin().get("/api/v1/icps/" + key).then().body("activeVersion", equalTo(next));
    }

    // --- Lists and diffs -------------------------------------------------------------------------------------------

    @Test
    void listsVersionsByNumberAcrossPagesAndByStatus() {
        String key = newIcp();
        for (int i = 0; i < 5; i++) {
            draft(key);
        }
        propose(key, 3);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/icps/" + key + "/versions");
            page.then().statusCode(200);
            seen.addAll(page.path("items.version"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        admin().queryParam("status", "proposed").get("/api/v1/icps/" + key + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(3)));
        admin().queryParam("status", "approved").get("/api/v1/icps/" + key + "/versions").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("cursor", "garbage").get("/api/v1/icps/" + key + "/versions").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        admin().get(path(key, 9)).then().statusCode(404);
        admin().get("/api/v1/icps/" + key + "/versions/one").then().statusCode(404);
    }

    @Test
    void diffListsCriteriaAddedRemovedChangedAndTierChanges() {
        String key = newIcp();
        draft(key);
        List<Map<String, Object>> next = new ArrayList<>(criteria());
        next.remove(4); // custom.crm eq hubspot
        next.set(1, criterion("company.employeeCount", "between", 30, false, "min", 250, "max", 2000));
        next.add(criterion("contact.department", "in", 10, false, "values", List.of("engineering")));
        draft(key, version(next, List.of(Map.of("label", "A", "minScore", 75), Map.of("label", "B", "minScore", 60))));

        admin().get("/api/v1/icps/" + key + "/versions/1/diff/2").then().statusCode(200)
                .body("icpKey", equalTo(key))
                .body("from", equalTo(1))
                .body("to", equalTo(2))
                .body("added.attribute", equalTo(List.of("contact.department")))
                .body("removed.attribute", equalTo(List.of("custom.crm")))
                .body("changed", hasSize(1))
                .body("changed[0].attribute", equalTo("company.employeeCount"))
                .body("changed[0].fields", equalTo(List.of("min", "weight")))
                .body("changed[0].before.min", equalTo(200))
                .body("changed[0].after.min", equalTo(250))
                .body("tiers.label", equalTo(List.of("A", "C")))
                .body("tiers.change", equalTo(List.of("changed", "removed")))
                .body("tiers[0].beforeMinScore", equalTo(80))
                .body("tiers[0].afterMinScore", equalTo(75));
        admin().get("/api/v1/icps/" + key + "/versions/1/diff/7").then().statusCode(404);
    }

    // --- Audit -----------------------------------------------------------------------------------------------------

    @Test
    void everyStepIsAudited() {
        String key = newIcp();
        activate(key, draft(key));
        int second = draft(key);
        propose(key, second);
        as(marketing()).body(Map.of("side", "marketing")).post(path(key, second) + "/reject").then().statusCode(200);
        int third = draft(key);
        String etag = admin().get(path(key, third)).then().extract().header("ETag");
        admin().header("If-Match", etag).body(version(criteria(), tiers())).put(path(key, third)).then()
                .statusCode(200);
        activate(key, third);
        admin().post("/api/v1/icps/" + key + "/retire").then().statusCode(200);

        admin().queryParam("resourceType", "icp").queryParam("resourceId", key).queryParam("limit", 200)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of(
                        "icp.created",
                        "icp.version.created", "icp.version.proposed", "icp.version.approved",
                        "icp.version.approved", "icp.version.activated",
                        "icp.version.created", "icp.version.proposed", "icp.version.rejected",
                        "icp.version.created", "icp.version.updated", "icp.version.proposed",
                        "icp.version.approved", "icp.version.approved", "icp.version.superseded",
                        "icp.version.activated",
                        "icp.retired")))
                .body("items.actor", not(hasItem("anonymous")))
                .body("items.summary", hasItem(containsString("Activated version 3")));
    }
}
