package io.accord.webhook;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.alert.AlertDraft;
import io.accord.alert.AlertService;
import io.accord.support.Api;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** Subscribes {@code url} to the alerts of one team and returns {@code [key, secret]}. */
    private static String[] subscribe(String url, String team, String format) {
        String key = Api.slug("hook");
        String secret = as(Api.newKey("integrator")).body(Map.of("key", key, "url", url, "format", format,
                        "filters", Map.of("teamKeys", List.of(team))))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("enabled", equalTo(true))
                .extract().path("secret");
        return new String[] {key, secret};
    }

    private void raise(String team) {
        UUID clock = UUID.randomUUID();
        AlertDraft breach = new AlertDraft.ClockBreach(new AlertDraft.ClockFacts(clock, UUID.randomUUID(), "webinar",
                "ext-1", "Acme GmbH", "rep-1", team, "A", "tier-a", 1, "first_touch",
                Instant.parse("2026-11-23T11:00:00Z")));
        pool.withTransaction(c -> alerts.raise(c, Instant.now(), List.of(breach))).await().indefinitely();
    }

    /** An independent reading of the Standard Webhooks specification, written from the spec, not from our signer. */
    private static boolean verifies(String secret, Receiver.Request r) throws Exception {
        String id = r.headers().get("webhook-id");
        String timestamp = r.headers().get("webhook-timestamp");
        byte[] key = Base64.getDecoder().decode(secret.split("_", 2)[1]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        for (String candidate : r.headers().get("webhook-signature").split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAlertIsDeliveredSignedWithinSeconds() throws Exception {
        try (Receiver receiver = new Receiver(Map.of("/ok", attempt -> 204))) {
            String team = Api.slug("team");
            String[] hook = subscribe(receiver.url("/ok"), team, "standard");
            raise(team);
            Receiver.Request r = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(r, "not delivered");
            assertTrue(verifies(hook[1], r), "signature does not verify");
            assertTrue(r.headers().get("webhook-id").startsWith("msg_"));
            long ts = Long.parseLong(r.headers().get("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - ts) < 60);
            JsonPath body = JsonPath.from(r.body());
            assertEquals("alert.created", body.getString("type"));
            assertEquals("sla.breached", body.getString("data.kind"));
            assertEquals("Acme GmbH", body.getString("data.companyName"));
            assertNotNull(body.getString("timestamp"));
            awaitDelivery(hook[0], "delivered");
            admin().get("/api/v1/webhooks/" + hook[0] + "/deliveries").then().body("items", hasSize(1))
                    .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(204))
                    .body("items[0].lastLatencyMs", notNullValue());
        }
    }

    @Test
    void slackFormatPostsText() throws Exception {
        try (Receiver receiver = new Receiver(Map.of("/slack", attempt -> 200))) {
            String team = Api.slug("slack");
            subscribe(receiver.url("/slack"), team, "slack");
            raise(team);
            Receiver.Request r = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(r);
            String text = JsonPath.from(r.body()).getString("text");
            assertTrue(text.contains("SLA breached") && text.contains("Acme GmbH"), text);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAfterA500AndAfterADroppedConnection() throws Exception {
        IntUnaryOperator failFirst = attempt -> attempt == 1 ? 500 : 200;
        IntUnaryOperator dropFirst = attempt -> attempt == 1 ? 0 : 200;
        try (Receiver receiver = new Receiver(Map.of("/flaky", failFirst, "/drop", dropFirst))) {
            String team = Api.slug("retry");
            String[] flaky = subscribe(receiver.url("/flaky"), team, "standard");
            String[] drop = subscribe(receiver.url("/drop"), team, "standard");
            raise(team);
            Receiver.Request first = receiver.requests.poll(10, TimeUnit.SECONDS);
            Receiver.Request second = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(second);
            awaitAttempted(flaky[0], 1);
            awaitAttempted(drop[0], 1);
            admin().get("/api/v1/webhooks/" + flaky[0] + "/deliveries").then()
                    .body("items[0].status", equalTo("pending")).body("items[0].lastStatusCode", equalTo(500))
                    .body("items[0].nextAttemptAt", notNullValue());
            admin().get("/api/v1/webhooks/" + drop[0] + "/deliveries").then()
                    .body("items[0].status", equalTo("pending")).body("items[0].lastError", notNullValue());
            // The first retry is due about 5 s later: move time past it.
            TestClock.INSTANCE.setTo(Instant.now().plus(Duration.ofSeconds(30)));
            awaitDelivery(flaky[0], "delivered");
            awaitDelivery(drop[0], "delivered");
            Receiver.Request retry = receiver.requests.poll(5, TimeUnit.SECONDS);
            assertNotNull(retry);
            Receiver.Request retry2 = receiver.requests.poll(5, TimeUnit.SECONDS);
            assertNotNull(retry2);
            List<Receiver.Request> all = List.of(first, second, retry, retry2);
            for (String path : List.of("/flaky", "/drop")) {
                List<String> ids = all.stream().filter(r -> r.path().equals(path)).map(r -> r.headers().get("webhook-id")).toList();
                assertEquals(2, ids.size());
                assertEquals(ids.get(0), ids.get(1), "webhook-id is stable across retries");
            }
        }
    }

    @Test
    void a410DisablesTheSubscription() throws Exception {
        try (Receiver receiver = new Receiver(Map.of("/gone", attempt -> 410))) {
            String team = Api.slug("gone");
            String[] hook = subscribe(receiver.url("/gone"), team, "standard");
            raise(team);
            assertNotNull(receiver.requests.poll(10, TimeUnit.SECONDS));
            awaitDelivery(hook[0], "failed");
            admin().get("/api/v1/webhooks/" + hook[0]).then().body("enabled", equalTo(false))
                    .body("disabledReason", equalTo("the endpoint answered 410 Gone"));
            raise(team);
            org.junit.jupiter.api.Assertions.assertNull(receiver.requests.poll(2, TimeUnit.SECONDS),
                    "a disabled subscription gets nothing");
        }
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledAndAnAlertSaysSo() throws Exception {
        try (Receiver receiver = new Receiver(Map.of("/down", attempt -> 503))) {
            String team = Api.slug("down");
            String[] hook = subscribe(receiver.url("/down"), team, "standard");
            pool.preparedQuery("update webhooks set failing_since = now() - interval '3 days 1 minute' where key = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(hook[0])).await().indefinitely();
            raise(team);
            assertNotNull(receiver.requests.poll(10, TimeUnit.SECONDS));
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline
                    && Boolean.TRUE.equals(admin().get("/api/v1/webhooks/" + hook[0]).then().extract().path("enabled"))) {
                Thread.sleep(200);
            }
            admin().get("/api/v1/webhooks/" + hook[0]).then().body("enabled", equalTo(false))
                    .body("disabledReason", equalTo("deliveries failed for 3 days"));
            admin().queryParam("kind", "webhook.disabled").queryParam("limit", 200).get("/api/v1/alerts").then()
                    .body("items.findAll { it.details.webhookKey == '" + hook[0] + "' }", hasSize(1));
        }
    }

    @Test
    void rotationSignsWithBothSecretsAndPingRedeliverWork() throws Exception {
        try (Receiver receiver = new Receiver(Map.of("/rot", attempt -> 200))) {
            String team = Api.slug("rot");
            String[] hook = subscribe(receiver.url("/rot"), team, "standard");
            String fresh = admin().post("/api/v1/webhooks/" + hook[0] + "/rotate-secret").then().statusCode(200)
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            raise(team);
            Receiver.Request r = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(r);
            assertTrue(verifies(hook[1], r) && verifies(fresh, r), "both the old and the new secret verify");
            String delivery = awaitDelivery(hook[0], "delivered");
            admin().post("/api/v1/webhooks/" + hook[0] + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                    .body("status", equalTo("pending"));
            Receiver.Request again = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(again);
            assertEquals(r.headers().get("webhook-id"), again.headers().get("webhook-id"));
            admin().post("/api/v1/webhooks/" + hook[0] + "/ping").then().statusCode(200)
                    .body("ok", equalTo(true)).body("statusCode", equalTo(200));
            Receiver.Request ping = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertTrue(verifies(fresh, ping));
        }
    }

    @Test
    void webhookCrudFollowsTheConventions() {
        String key = Api.slug("crud");
        String integrator = Api.newKey("integrator");
        as(integrator).body(Map.of("key", key, "url", "http://127.0.0.1:9/x", "eventTypes", List.of("sla.bogus")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("eventTypes[0]"));
        as(integrator).body(Map.of("key", key, "url", "http://127.0.0.1:9/x", "eventTypes", List.of("sla.breached")))
                .post("/api/v1/webhooks").then().statusCode(201);
        as(integrator).body(Map.of("key", key, "url", "http://127.0.0.1:9/x")).post("/api/v1/webhooks").then().statusCode(409);
        String etag = as(integrator).get("/api/v1/webhooks/" + key).then().statusCode(200)
                .body("secret", equalTo(null)).extract().header("ETag");
        as(integrator).body(Map.of("url", "http://127.0.0.1:9/y")).put("/api/v1/webhooks/" + key).then().statusCode(428);
        as(integrator).header("If-Match", etag).body(Map.of("url", "http://127.0.0.1:9/y", "enabled", false))
                .put("/api/v1/webhooks/" + key).then().statusCode(200).body("enabled", equalTo(false));
        as(Api.newKey("viewer")).get("/api/v1/webhooks").then().statusCode(403);
        String newTag = as(integrator).get("/api/v1/webhooks/" + key).then().extract().header("ETag");
        as(integrator).header("If-Match", newTag).delete("/api/v1/webhooks/" + key).then().statusCode(204);
        admin().queryParam("resourceType", "webhook").queryParam("resourceId", key).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("webhook.created", "webhook.updated", "webhook.deleted")));
    }

    private static String awaitDelivery(String hook, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> statuses = admin().get("/api/v1/webhooks/" + hook + "/deliveries").then().extract().path("items.status");
            if (!statuses.isEmpty() && statuses.get(0).equals(status)) {
                return admin().get("/api/v1/webhooks/" + hook + "/deliveries").then().extract().path("items[0].id");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("delivery of " + hook + " never became " + status);
    }

    private static void awaitAttempted(String hook, int attempts) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Integer> a = admin().get("/api/v1/webhooks/" + hook + "/deliveries").then().extract().path("items.attempts");
            Object lastError = admin().get("/api/v1/webhooks/" + hook + "/deliveries").then().extract().path("items[0].lastAttemptAt");
            if (!a.isEmpty() && a.get(0) >= attempts && lastError != null
                    && admin().get("/api/v1/webhooks/" + hook + "/deliveries").then().extract().path("items[0].lastError") != null) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("delivery of " + hook + " was not attempted " + attempts + " time(s)");
    }
}
