package io.accord.webhook;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookOwnershipTest {

    @Inject
    Pool pool;

    private static String create(RequestSpecification as, String key, String url) {
        return as.body(Map.of("key", key, "url", url)).post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().path("owner");
    }

    /** Everything a stranger might try on someone else's subscription: each answers 404, as if it did not exist. */
    private static void cannotTouch(Supplier<RequestSpecification> stranger, String key) {
        String etag = admin().get("/api/v1/webhooks/" + key).then().statusCode(200).extract().header("ETag");
        stranger.get().get("/api/v1/webhooks/" + key).then().statusCode(404)
                .body("type", equalTo("urn:accord:problem:not-found"));
        stranger.get().header("If-Match", etag).body(Map.of("url", "https://attacker.example/steal"))
                .put("/api/v1/webhooks/" + key).then().statusCode(404);
        stranger.get().post("/api/v1/webhooks/" + key + "/rotate-secret").then().statusCode(404)
                .body("secret", equalTo(null));
        stranger.get().post("/api/v1/webhooks/" + key + "/ping").then().statusCode(404);
        stranger.get().get("/api/v1/webhooks/" + key + "/deliveries").then().statusCode(404);
        stranger.get().post("/api/v1/webhooks/" + key + "/deliveries/" + UUID.randomUUID() + "/redeliver").then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.containsString("Webhook"));
        stranger.get().header("If-Match", etag).delete("/api/v1/webhooks/" + key).then().statusCode(404);
        // ... and nothing changed
        admin().get("/api/v1/webhooks/" + key).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void anIntegratorCannotReadChangeRotateDeleteOrRedeliverAnotherIntegratorsWebhook() {
        String owner = Api.newKey("integrator");
        String key = Api.slug("mine");
        create(as(owner), key, "http://127.0.0.1:9/owner");
        String other = Api.newKey("integrator");
        cannotTouch(() -> as(other), key);
        cannotTouch(() -> Api.bearer("mallory", "integrator"), key);
        // also by id, not only by key
        String id = as(owner).get("/api/v1/webhooks/" + key).then().statusCode(200).extract().path("id");
        as(other).get("/api/v1/webhooks/" + id).then().statusCode(404);
        as(owner).get("/api/v1/webhooks/" + id).then().statusCode(200).body("key", equalTo(key));
    }

    @Test
    void aSalesManagerCannotTouchAnIntegratorsWebhookNorTheOtherWayRound() {
        String integrator = Api.newKey("integrator");
        String manager = Api.newKey("sales_manager");
        String integratorsHook = Api.slug("int");
        String managersHook = Api.slug("mgr");
        create(as(integrator), integratorsHook, "http://127.0.0.1:9/i");
        create(as(manager), managersHook, "http://127.0.0.1:9/m");
        cannotTouch(() -> as(manager), integratorsHook);
        cannotTouch(() -> as(integrator), managersHook);
        cannotTouch(() -> as(Api.newKey("sales_manager")), managersHook);
    }

    @Test
    void theOwnerAndAnAdminManageIt() {
        String owner = Api.newKey("integrator");
        String key = Api.slug("own");
        String ownerName = create(as(owner), key, "http://127.0.0.1:9/a");
        assertTrue(ownerName.startsWith("apikey:"), ownerName);
        String etag = as(owner).get("/api/v1/webhooks/" + key).then().statusCode(200)
                .body("owner", equalTo(ownerName)).extract().header("ETag");
        etag = as(owner).header("If-Match", etag).body(Map.of("url", "http://127.0.0.1:9/b")).put("/api/v1/webhooks/" + key)
                .then().statusCode(200).extract().header("ETag");
        as(owner).post("/api/v1/webhooks/" + key + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_"));
        as(owner).get("/api/v1/webhooks/" + key + "/deliveries").then().statusCode(200);
        String fresh = admin().post("/api/v1/webhooks/" + key + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("owner", equalTo(ownerName)).extract().path("secret");
        assertTrue(fresh.startsWith("whsec_"));
        etag = admin().get("/api/v1/webhooks/" + key).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("url", "http://127.0.0.1:9/c")).put("/api/v1/webhooks/" + key)
                .then().statusCode(200).body("owner", equalTo(ownerName));
        etag = as(owner).get("/api/v1/webhooks/" + key).then().statusCode(200).extract().header("ETag");
        as(owner).header("If-Match", etag).delete("/api/v1/webhooks/" + key).then().statusCode(204);

        List<Map<String, String>> audit = admin().queryParam("resourceType", "webhook").queryParam("resourceId", key)
                .get("/api/v1/audit-events").then().statusCode(200).extract().path("items");
        assertEquals(List.of("webhook.created", "webhook.updated", "webhook.secret_rotated", "webhook.secret_rotated",
                "webhook.updated", "webhook.deleted"), audit.stream().map(e -> e.get("action")).toList());
        assertEquals(List.of(ownerName, ownerName, ownerName, "bootstrap-admin", "bootstrap-admin", ownerName),
                audit.stream().map(e -> e.get("actor")).toList());
    }

    @Test
    void listsShowOnlyOnesOwnUnlessAdmin() {
        String a = Api.newKey("integrator");
        String b = Api.newKey("sales_manager");
        String hookA = Api.slug("la");
        String hookB = Api.slug("lb");
        create(as(a), hookA, "http://127.0.0.1:9/a");
        create(as(b), hookB, "http://127.0.0.1:9/b");
        assertEquals(List.of(hookA), as(a).get("/api/v1/webhooks").then().statusCode(200).extract().path("items.key"));
        assertEquals(List.of(hookB), as(b).get("/api/v1/webhooks").then().statusCode(200).extract().path("items.key"));
        as(Api.newKey("integrator")).get("/api/v1/webhooks").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        admin().queryParam("limit", 200).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.key", hasItem(hookA)).body("items.key", hasItem(hookB));
        // pagination keeps the filter
        String c = Api.newKey("integrator");
        for (int i = 0; i < 3; i++) {
            create(as(c), Api.slug("page" + i), "http://127.0.0.1:9/p");
        }
        String cursor = as(c).queryParam("limit", 2).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.owner", not(hasItem(not(startsWith("apikey:"))))).extract().path("nextCursor");
        List<String> rest = as(c).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/webhooks").then()
                .statusCode(200).extract().path("items.key");
        assertEquals(1, rest.size());
        assertFalse(rest.contains(hookA));
    }

    @Test
    void theOwnersTeamIsRecorded() {
        String team = Api.slug("own-team");
        admin().body(Map.of("key", team, "name", "Team " + team, "function", "marketing", "members", List.of("m-1")))
                .post("/api/v1/teams").then().statusCode(201);
        String key = admin().body(Map.of("name", "test-" + UUID.randomUUID(), "roles", List.of("integrator"),
                "teamKey", team)).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        String hook = Api.slug("team-hook");
        as(key).body(Map.of("key", hook, "url", "http://127.0.0.1:9/t")).post("/api/v1/webhooks").then()
                .statusCode(201).body("ownerTeamKey", equalTo(team));
        String stored = pool.preparedQuery("select owner_team from webhooks where key = $1").execute(Tuple.of(hook))
                .await().indefinitely().iterator().next().getString("owner_team");
        assertEquals(team, stored);
    }

    @Test
    void subscriptionsFromBeforeOwnershipBelongToAdminsOnly() {
        String key = Api.slug("legacy");
        create(admin(), key, "http://127.0.0.1:9/legacy");
        // what V14 does to existing rows
        pool.preparedQuery("update webhooks set owner = 'bootstrap-admin', owner_team = null where key = $1")
                .execute(Tuple.of(key)).await().indefinitely();
        cannotTouch(() -> as(Api.newKey("integrator")), key);
        admin().get("/api/v1/webhooks/" + key).then().statusCode(200).body("owner", equalTo("bootstrap-admin"));
    }

    @Test
    void theAuditLogKeepsNoSecretOfTheUrl() {
        String owner = Api.newKey("integrator");
        String key = Api.slug("slack");
        String url = "https://hooks.slack.com/services/T0001/B0001/XXXXSECRETXXXX?token=t0ken#frag";
        create(as(owner), key, url);
        String etag = as(owner).get("/api/v1/webhooks/" + key).then().statusCode(200)
                .body("url", equalTo(url)).extract().header("ETag");
        as(owner).header("If-Match", etag).body(Map.of("url", "https://hooks.slack.com/services/T0001/B0001/OTHERSECRET"))
                .put("/api/v1/webhooks/" + key).then().statusCode(200);
        etag = as(owner).get("/api/v1/webhooks/" + key).then().extract().header("ETag");
        as(owner).header("If-Match", etag).delete("/api/v1/webhooks/" + key).then().statusCode(204);
        List<String> summaries = admin().queryParam("resourceType", "webhook").queryParam("resourceId", key)
                .get("/api/v1/audit-events").then().statusCode(200).extract().path("items.summary");
        assertEquals(3, summaries.size());
        for (String summary : summaries) {
            assertTrue(summary.contains("https://hooks.slack.com/… (ref "), summary);
            for (String secret : List.of("XXXXSECRETXXXX", "OTHERSECRET", "t0ken", "frag", "services")) {
                assertFalse(summary.contains(secret), summary);
            }
        }
        assertFalse(summaries.get(0).equals(summaries.get(1).replace("Changed webhook to", "Subscribed")),
                "a changed URL gets a different reference");
        long anywhere = pool.query("select count(*) as n from audit_events where summary like '%SECRET%' "
                + "or summary like '%t0ken%'").execute().await().indefinitely().iterator().next().getLong("n");
        assertEquals(0, anywhere);
    }
}
