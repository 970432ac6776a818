package io.accord.sla;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaPolicyResourceTest {

    @Test
    void salesManagerCreatesAPolicyAndEachEditIsARevision() {
        String calendar = Fixtures.berlinNineToFive();
        String key = Api.slug("tier-a");
        // Every test policy names its own source, so it never applies to another test's leads.
        Map<String, Object> body = Fixtures.policy(key, 100, calendar, Map.of("sources", List.of(key),
                "tiers", List.of("A"), "countries", List.of("de", "FR", "DE")), Fixtures.standardMilestones());
        String manager = Api.newKey("sales_manager");
        String etag = as(manager).body(body).post("/api/v1/sla-policies").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/sla-policies/" + key))
                .body("revision", equalTo(1))
                .body("calendarKey", equalTo(calendar))
                .body("conditions.countries", equalTo(List.of("DE", "FR")))
                .body("conditions.sources", equalTo(List.of(key)))
                .body("conditions.icpKeys", equalTo(List.of()))
                .body("milestones[0].kind", equalTo("first_touch"))
                .body("milestones[0].warnAt", equalTo(0.75f))
                .body("milestones[0].escalateAfter", equalTo("PT2H"))
                .body("milestones[2].attempts", equalTo(3))
                .body("milestones[1].target", equalTo("PT24H"))
                .extract().header("ETag");
        as(Api.newKey("viewer")).get("/api/v1/sla-policies/" + key).then().statusCode(200).header("ETag", etag);

        Map<String, Object> change = new LinkedHashMap<>(body);
        change.put("priority", 50);
        change.put("milestones", List.of(Fixtures.milestone("first_touch", "PT8H")));
        as(manager).body(change).put("/api/v1/sla-policies/" + key).then().statusCode(428);
        as(manager).header("If-Match", "\"77\"").body(change).put("/api/v1/sla-policies/" + key).then().statusCode(412);
        as(manager).header("If-Match", etag).body(change).put("/api/v1/sla-policies/" + key).then().statusCode(200)
                .body("revision", equalTo(2)).body("priority", equalTo(50)).body("milestones.size()", equalTo(1));

        String next = admin().queryParam("limit", 1).get("/api/v1/sla-policies/" + key + "/revisions").then()
                .statusCode(200).body("items.revision", equalTo(List.of(1))).body("items[0].priority", equalTo(100))
                .extract().path("nextCursor");
        admin().queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/sla-policies/" + key + "/revisions")
                .then().body("items.revision", equalTo(List.of(2))).body("nextCursor", nullValue());
        admin().get("/api/v1/sla-policies/" + key + "/revisions/1").then().statusCode(200)
                .body("milestones.size()", equalTo(4)).body("createdBy", notNullValue());
        admin().get("/api/v1/sla-policies/" + key + "/revisions/3").then().statusCode(404);
        admin().queryParam("cursor", "garbage").get("/api/v1/sla-policies/" + key + "/revisions").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        admin().queryParam("resourceType", "sla_policy").queryParam("resourceId", key).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("sla_policy.created", "sla_policy.updated")));
    }

    @Test
    void invalidPoliciesAre422NamingTheFields() {
        String calendar = Fixtures.berlinNineToFive();
        Map<String, Object> bad = Fixtures.policy("Bad Key", 1, calendar, Map.of("countries", List.of("Germany")),
                List.of(Map.of("kind", "first_touch", "target", "4 hours", "warnAt", 1.5),
                        Map.of("kind", "attempts", "target", "P5D")));
        admin().body(bad).post("/api/v1/sla-policies").then().statusCode(422)
                .body("errors.field", hasItems("key", "conditions.countries[0]", "milestones[0].target",
                        "milestones[0].warnAt", "milestones[1].attempts"));
        admin().body(Fixtures.policy(Api.slug("p"), 1, "no-such-calendar", Map.of(), Fixtures.standardMilestones()))
                .post("/api/v1/sla-policies").then().statusCode(422)
                .body("errors[0].field", equalTo("calendarKey"));
        String key = Api.slug("dup");
        Fixtures.createPolicy(Fixtures.policy(key, 1, calendar, Map.of("sources", List.of(key)), Fixtures.standardMilestones()));
        admin().body(Fixtures.policy(key, 1, calendar, Map.of(), Fixtures.standardMilestones()))
                .post("/api/v1/sla-policies").then().statusCode(409).body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void onlyAdminsAndSalesManagersWritePolicies() {
        String calendar = Fixtures.berlinNineToFive();
        Map<String, Object> body = Fixtures.policy(Api.slug("r"), 1, calendar, Map.of(), Fixtures.standardMilestones());
        as(Api.newKey("sales")).body(body).post("/api/v1/sla-policies").then().statusCode(403);
        as(Api.newKey("marketing")).body(body).post("/api/v1/sla-policies").then().statusCode(403);
        as(Api.newKey("viewer")).get("/api/v1/sla-policies").then().statusCode(200);
    }

    @Test
    void deletingACalendarUsedByAPolicyIs409() {
        String calendar = Fixtures.berlinNineToFive();
        String key = Api.slug("uses-cal");
        Fixtures.createPolicy(Fixtures.policy(key, 1, calendar, Map.of("sources", List.of(key)), Fixtures.standardMilestones()));
        String etag = admin().get("/api/v1/calendars/" + calendar).then().extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/calendars/" + calendar).then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:in-use"));
        // Once the policy is gone, the calendar can go.
        String policyTag = admin().get("/api/v1/sla-policies/" + key).then().extract().header("ETag");
        admin().header("If-Match", policyTag).delete("/api/v1/sla-policies/" + key).then().statusCode(204);
        admin().header("If-Match", etag).delete("/api/v1/calendars/" + calendar).then().statusCode(204);
    }

    @Test
    void selectionTiesGoToMoreConditionsThenToTheSmallerKey() {
        String calendar = Fixtures.berlinNineToFive();
        String source = Api.slug("ties");
        List<Map<String, Object>> ms = List.of(Fixtures.milestone("first_touch", "PT4H"));
        Fixtures.createPolicy(Fixtures.policy(source + "-general", 10, calendar, Map.of("sources", List.of(source)), ms));
        Fixtures.createPolicy(Fixtures.policy(source + "-b", 10, calendar,
                Map.of("sources", List.of(source), "countries", List.of("DE")), ms));
        Fixtures.createPolicy(Fixtures.policy(source + "-a", 10, calendar,
                Map.of("sources", List.of(source), "countries", List.of("DE", "FR")), ms));
        Fixtures.createPolicy(Fixtures.policy(source + "-low", 5, calendar,
                Map.of("sources", List.of(source), "countries", List.of("US")), ms));
        Map<String, Object> disabled = Fixtures.policy(source + "-disabled", 1000, calendar,
                Map.of("sources", List.of(source)), ms);
        disabled.put("enabled", false);
        Fixtures.createPolicy(disabled);

        // DE: three policies of priority 10 match; two have two conditions; "-a" < "-b".
        admin().body(Map.of("lead", Fixtures.lead(source, "x", "DE"))).post("/api/v1/sla-policies/preview").then()
                .statusCode(200).body("matched", equalTo(true)).body("policy.key", equalTo(source + "-a"))
                .body("policy.revision", equalTo(1));
        // FR: "-a" and "-general" match; "-a" has more conditions.
        admin().body(Map.of("lead", Fixtures.lead(source, "x", "fr"))).post("/api/v1/sla-policies/preview").then()
                .body("policy.key", equalTo(source + "-a"));
        // US: "-low" (priority 5) loses to "-general" (priority 10) although it has more conditions.
        admin().body(Map.of("lead", Fixtures.lead(source, "x", "US"))).post("/api/v1/sla-policies/preview").then()
                .body("policy.key", equalTo(source + "-general"));
        // A real hand-off selects the same policy.
        String id = Fixtures.ingest(Fixtures.lead(source, "real", "DE"));
        admin().post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200);
        admin().get("/api/v1/leads/" + id + "/sla").then().body("policy.key", equalTo(source + "-a"))
                .body("clocks.policyKey", equalTo(List.of(source + "-a")));
    }

    @Test
    void previewAnswersPolicyRevisionAndDeadlinesWithoutStoringAnything() {
        String calendar = Fixtures.berlinNineToFive();
        String source = Api.slug("preview");
        Fixtures.createPolicy(Fixtures.policy(source + "-p", 7, calendar, Map.of("sources", List.of(source)),
                Fixtures.standardMilestones()));
        String id = Fixtures.ingest(Fixtures.lead(source, "p-1", "DE"));
        // Friday 2026-11-20 15:00 Berlin (14:00Z); 9-5 weekdays: 2h left on Friday.
        as(Api.newKey("viewer")).body(Map.of("leadId", id, "at", "2026-11-20T14:00:00Z"))
                .post("/api/v1/sla-policies/preview").then().statusCode(200)
                .body("matched", equalTo(true))
                .body("policy.key", equalTo(source + "-p"))
                .body("policy.revision", equalTo(1))
                .body("policy.calendarKey", equalTo(calendar))
                .body("facts.source", equalTo(source))
                .body("facts.country", equalTo("DE"))
                .body("startedAt", equalTo("2026-11-20T14:00:00Z"))
                .body("clocks.milestone", equalTo(List.of("first_touch", "decision", "attempts", "qualification")))
                .body("clocks[0].warnAt", equalTo("2026-11-23T09:00:00Z"))
                .body("clocks[0].dueAt", equalTo("2026-11-23T10:00:00Z"))
                .body("clocks[0].escalateAt", equalTo("2026-11-23T12:00:00Z"))
                .body("clocks[1].dueAt", equalTo("2026-11-25T14:00:00Z"));
        admin().get("/api/v1/leads/" + id + "/sla").then().body("coverage", equalTo("not_handed_off"))
                .body("clocks.size()", equalTo(0));
        admin().body(Map.of("lead", Fixtures.lead(Api.slug("nobody"), "x", "DE"))).post("/api/v1/sla-policies/preview")
                .then().statusCode(200).body("matched", equalTo(false)).body("policy", nullValue())
                .body("clocks.size()", equalTo(0));
        admin().body(Map.of()).post("/api/v1/sla-policies/preview").then().statusCode(422);
        admin().body(Map.of("leadId", id, "lead", Fixtures.lead(source, "x", "DE"))).post("/api/v1/sla-policies/preview")
                .then().statusCode(422);
        admin().body(Map.of("lead", Map.of("source", source))).post("/api/v1/sla-policies/preview").then()
                .statusCode(422).body("errors[0].field", equalTo("lead.externalId"));
    }
}
