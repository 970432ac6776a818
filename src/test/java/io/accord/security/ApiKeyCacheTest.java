package io.accord.security;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyCacheTest {

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private double lookups() {
        return registry.get("accord.auth.lookups").counter().count();
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeySecrets.hash(key));
    }

    /** Revokes a key the way another replica (or an operator) would: its own connection, plain SQL. */
    private void revokeElsewhere(String key) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement revoke = c.prepareStatement(
                        "update api_keys set revoked_at = now(), revoked_by = 'replica-2' where key_hash = ?")) {
            revoke.setString(1, hash(key));
            assertEquals(1, revoke.executeUpdate());
        }
    }

    /** Waits until the listener is connected again (it reconnects every second), then a bit for its LISTEN. */
    private void awaitListener() throws Exception {
        for (int i = 0; i < 100 && listenerPid() == null; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    private Integer listenerPid() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement q = c.prepareStatement(
                        "select pid from pg_stat_activity where application_name = ?")) {
            q.setString(1, ApiKeyCache.LISTENER_NAME);
            ResultSet rs = q.executeQuery();
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    private static int status(String key) {
        return as(key).get("/api/v1/teams").then().extract().statusCode();
    }

    @Test
    void aValidKeyIsLookedUpOnceAndThenServedFromMemory() throws Exception {
        awaitListener();
        String key = Api.newKey("viewer");
        double before = lookups();
        for (int i = 0; i < 50; i++) {
            assertEquals(200, status(key));
        }
        assertEquals(1.0, lookups() - before, "database lookups for 50 requests with one valid key");
    }

    @Test
    void aRepeatedWrongKeyReachesTheDatabaseOnce() throws Exception {
        awaitListener();
        String wrong = "acc_" + UUID.randomUUID() + UUID.randomUUID();
        double before = lookups();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, status(wrong));
        }
        assertEquals(1.0, lookups() - before, "database lookups for 20 requests with one wrong key");
    }

    @Test
    void aRevocationThroughTheApiEndsTheKeyAtOnce() throws Exception {
        Map<String, Object> created = admin().body(Map.of("name", "test-" + UUID.randomUUID(), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String key = (String) created.get("key");
        assertEquals(200, status(key));
        admin().delete("/api/v1/api-keys/" + created.get("id")).then().statusCode(204);
        assertEquals(401, status(key), "the revoked key still worked on the next request");
    }

    @Test
    void aRevocationOnAnotherReplicaEndsTheCachedKeyAtOnce() throws Exception {
        awaitListener();
        String key = Api.newKey("viewer");
        assertEquals(200, status(key));
        assertEquals(200, status(key));
        revokeElsewhere(key);
        long start = System.nanoTime();
        int status = status(key);
        for (int i = 0; i < 20 && status != 401; i++) {
            Thread.sleep(50);
            status = status(key);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, status, "the key revoked on another replica still works");
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    @Test
    void aListenerThatReconnectsForgetsWhatItMayHaveMissed() throws Exception {
        awaitListener();
        String key = Api.newKey("viewer");
        assertEquals(200, status(key));
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement kill = c.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, listenerPid());
            kill.executeQuery();
        }
        // Revoked while nobody listens: this replica never hears of it.
        revokeElsewhere(key);
        awaitListener();
        assertEquals(401, status(key), "a key revoked while the listener was away is still served from memory");
    }
}
