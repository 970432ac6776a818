package io.accord.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A live stream lasts only as long as its caller's rights: the test profile's heartbeat is 1 s. */
@QuarkusTest
class StreamRightsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    private void raise(String team) {
        pool.withTransaction(c -> alerts.raise(c, Instant.now(), Alerts.breaches(1, team))).await().indefinitely();
    }

    @Test
    void aRevokedKeysStreamStopsWithinAHeartbeat() throws Exception {
        String team = Api.slug("revoked");
        Map<?, ?> created = Api.admin().body(Map.of("name", "test-" + UUID.randomUUID(), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team, (String) created.get("key"), null)) {
            assertNotNull(client.nextComment(WAIT), "the stream did not start");
            raise(team);
            assertNotNull(client.nextEvent(WAIT), "no event before the revocation");
            Api.admin().delete("/api/v1/api-keys/" + created.get("id")).then().statusCode(204);
            raise(team);
            // One heartbeat, plus a little for the request and the notification.
            assertTrue(client.endsWithin(HEARTBEAT.plusMillis(1500)), "the stream of a revoked key is still open");
            assertNull(client.nextEvent(Duration.ofMillis(200)), "an event was delivered after the revocation");
        }
    }

    @Test
    void aStreamEndsWhenItsBearerTokenExpires() throws Exception {
        String team = Api.slug("expiring");
        String token = Jwt.subject("expiring-user").groups(Set.of("viewer")).expiresIn(3).sign();
        long start = System.nanoTime();
        try (SseClient client = SseClient.openWith("/api/v1/alerts/stream?teamKey=" + team, "Bearer " + token)) {
            assertNotNull(client.nextComment(WAIT), "the stream did not start");
            assertFalse(client.endsWithin(Duration.ofMillis(500)), "the stream ended before its token expired");
            assertTrue(client.endsWithin(Duration.ofSeconds(3).plus(HEARTBEAT).plusMillis(1500)),
                    "the stream outlived its token");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 2, "ended after " + seconds + " s");
            raise(team);
            assertNull(client.nextEvent(Duration.ofMillis(500)));
        }
    }
}
