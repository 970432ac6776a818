package io.accord.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failed authentications are limited per client address and per key prefix (defaults: 20 a minute, burst 40). The
 * tests choose their client address among 127.0.0.0/8; the last one floods from 127.0.0.1, the address every other
 * request of the suite comes from, so it runs last.
 */
@QuarkusTest
@TestProfile(AuthFailureLimitTest.DefaultLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthFailureLimitTest {

    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.auth.failures-per-minute", "20", "accord.auth.failure-burst", "40");
        }
    }

    private static final int BURST = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MeterRegistry registry;

    private double lookups() {
        return registry.get("accord.auth.lookups").counter().count();
    }

    private static String randomKey(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return "acc_" + prefix + key.substring(prefix.length());
    }

    @Test
    @Order(1)
    void wrongKeysFromOneAddressMeet429AfterTheBurstWhileOtherAddressesStillWork() throws Exception {
        String key = Api.newKey("viewer");
        int failures = 0;
        String response;
        do {
            response = RawHttp.get("127.0.0.2", "/api/v1/teams", "X-API-Key: " + randomKey(""));
            failures++;
        } while (RawHttp.status(response) == 401 && failures < 1000);
        assertEquals(429, RawHttp.status(response), response);
        assertEquals(BURST + 1, failures, "requests until the first 429");
        assertTrue(response.contains("Content-Type: application/problem+json"), response);
        assertTrue(response.contains("urn:accord:problem:rate-limited"), response);
        assertTrue(response.matches("(?s).*Retry-After: [1-9][0-9]*\r\n.*"), response);
        // Blocked: even a valid key from that address waits.
        assertEquals(429, RawHttp.status(RawHttp.get("127.0.0.2", "/api/v1/teams", "X-API-Key: " + key)));
        // Another address is not affected.
        assertEquals(200, RawHttp.status(RawHttp.get("127.0.0.3", "/api/v1/teams", "X-API-Key: " + key)));
    }

    @Test
    @Order(2)
    void guessingAtOneKeyPrefixFromManyAddressesIsLimitedButTheRealKeyKeepsWorking() throws Exception {
        String key = Api.newKey("viewer");
        assertEquals(200, RawHttp.status(RawHttp.get("127.0.0.4", "/api/v1/teams", "X-API-Key: " + key)));
        String prefix = key.substring(4, 4 + AuthFailureLimiter.PREFIX_LENGTH);
        int status = 401;
        int sent = 0;
        for (; sent < 200 && status == 401; sent++) {
            // A new address every 10 attempts: the address buckets never run out, the prefix bucket does.
            status = RawHttp.status(RawHttp.get("127.0.1." + (sent / 10 + 1), "/api/v1/teams",
                    "Authorization: ApiKey " + randomKey(prefix)));
        }
        assertEquals(429, status);
        assertEquals(BURST + 1, sent, "requests until the first 429");
        assertEquals(429, RawHttp.status(RawHttp.get("127.0.2.1", "/api/v1/teams", "X-API-Key: " + randomKey(prefix))),
                "a fresh address guessing at the same prefix");
        assertEquals(200, RawHttp.status(RawHttp.get("127.0.2.1", "/api/v1/teams", "X-API-Key: " + key)),
                "the real key with that prefix");
    }

    @Test
    @Order(3)
    void fiveThousandWrongKeysFromOneAddressMeet429LongBeforeTheEndAndCostNoQueryEach() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/teams");
        double lookupsBefore = lookups();
        int unauthorized = 0;
        int limited = 0;
        int first429 = -1;
        long start = System.nanoTime();
        for (int i = 0; i < 5000; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("X-API-Key", randomKey("")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                unauthorized++;
            } else if (r.statusCode() == 429) {
                limited++;
                if (first429 < 0) {
                    first429 = i + 1;
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        double lookups = lookups() - lookupsBefore;
        System.out.printf("5000 wrong keys from one address: %d x 401, %d x 429 (first at request %d), "
                + "%.0f database lookups, %d ms%n", unauthorized, limited, first429, lookups, millis);
        assertEquals(5000, unauthorized + limited);
        // The burst, plus what the sustained rate (20 a minute) refilled while the flood ran.
        long refilled = millis * 20 / 60_000 + 1;
        assertTrue(unauthorized <= BURST + refilled, unauthorized + " requests got 401 in " + millis + " ms");
        assertTrue(first429 > 0 && first429 <= BURST + 2, "first 429 at " + first429);
        assertTrue(lookups <= unauthorized, lookups + " database lookups");
    }
}
