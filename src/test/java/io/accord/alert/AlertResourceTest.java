package io.accord.alert;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertResourceTest {

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    private List<AlertView> raise(List<AlertDraft> drafts) {
        return pool.withTransaction(c -> alerts.raise(c, Instant.now(), drafts)).await().indefinitely();
    }

    @Test
    void anAlertCarriesWhatAReceiverNeeds() {
        UUID clock = UUID.randomUUID();
        AlertView raised = raise(List.of(Alerts.breach(clock, Api.slug("t"), "A"))).get(0);
        as(Api.newKey("viewer")).get("/api/v1/alerts/" + raised.id()).then().statusCode(200)
                .body("kind", equalTo("sla.breached"))
                .body("status", equalTo("open"))
                .body("clockId", equalTo(clock.toString()))
                .body("leadId", equalTo(raised.leadId().toString()))
                .body("source", equalTo("webinar"))
                .body("externalId", equalTo("ext-" + clock))
                .body("companyName", equalTo("Acme GmbH"))
                .body("tier", equalTo("A"))
                .body("ownerId", equalTo("rep-1"))
                .body("policyKey", equalTo("tier-a"))
                .body("policyRevision", equalTo(1))
                .body("milestone", equalTo("first_touch"))
                .body("dueAt", equalTo("2026-11-23T11:00:00Z"))
                .body("detectedAt", notNullValue())
                .body("leadLink", equalTo("/api/v1/leads/" + raised.leadId()));
    }

    @Test
    void listFiltersAndPaginates() {
        String team = Api.slug("list");
        raise(Alerts.breaches(5, team));
        String next = admin().queryParam("teamKey", team).queryParam("limit", 3).get("/api/v1/alerts").then()
                .statusCode(200).body("items", hasSize(3)).extract().path("nextCursor");
        admin().queryParam("teamKey", team).queryParam("limit", 3).queryParam("cursor", next).get("/api/v1/alerts").then()
                .statusCode(200).body("items", hasSize(2)).body("nextCursor", equalTo(null));
        admin().queryParam("teamKey", team).queryParam("kind", "sla.warning").get("/api/v1/alerts").then()
                .body("items", hasSize(0));
        admin().queryParam("kind", "sla.nonsense").get("/api/v1/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void acknowledgeThenResolveIsAuditedAndResolvedIsFinal() {
        AlertView a = raise(List.of(Alerts.breach(UUID.randomUUID(), Api.slug("ack"), "B"))).get(0);
        String sales = Api.newKey("sales");
        as(sales).body(Map.of("comment", "on it")).post("/api/v1/alerts/" + a.id() + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("acknowledged")).body("comment", equalTo("on it"))
                .body("acknowledgedBy", org.hamcrest.Matchers.startsWith("apikey:"));
        as(sales).body(Map.of()).post("/api/v1/alerts/" + a.id() + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged"));
        as(sales).body(Map.of("comment", "called")).post("/api/v1/alerts/" + a.id() + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved")).body("resolution", equalTo("manual"));
        as(sales).body(Map.of()).post("/api/v1/alerts/" + a.id() + "/acknowledge").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:invalid-transition"));
        as(Api.newKey("viewer")).body(Map.of()).post("/api/v1/alerts/" + a.id() + "/resolve").then().statusCode(403);
        admin().queryParam("resourceType", "alert").queryParam("resourceId", a.id().toString()).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("alert.acknowledged", "alert.resolved")));
    }

    @Test
    void alertsResolveThemselvesWhenTheirClockIsMetLate() {
        UUID clock = UUID.randomUUID();
        AlertView a = raise(List.of(Alerts.breach(clock, Api.slug("auto"), "A"))).get(0);
        pool.withTransaction(c -> alerts.resolveForClocks(c, Instant.now(), List.of(clock), List.of("met_late")))
                .await().indefinitely();
        admin().get("/api/v1/alerts/" + a.id()).then().body("status", equalTo("resolved"))
                .body("resolution", equalTo("met_late")).body("resolvedBy", equalTo("system"));
    }

    @Test
    void thePullFeedListsEventsInSequenceOrder() {
        String team = Api.slug("feed");
        long before = pool.query("select coalesce(max(seq), 0) from events").execute().await().indefinitely()
                .iterator().next().getLong(0);
        raise(Alerts.breaches(3, team));
        List<String> ids = admin().queryParam("teamKey", team).queryParam("after", before).get("/api/v1/events").then()
                .statusCode(200).body("items", hasSize(3)).body("items[0].type", equalTo("alert.created"))
                .body("items[0].data.teamKey", equalTo(team)).extract().path("items.id");
        List<Long> seqs = ids.stream().map(Long::parseLong).toList();
        org.junit.jupiter.api.Assertions.assertEquals(seqs.stream().sorted().toList(), seqs);
        admin().queryParam("teamKey", team).queryParam("after", ids.get(0)).get("/api/v1/events").then()
                .body("items", hasSize(2));
        admin().queryParam("after", "x").get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("after"));
    }
}
