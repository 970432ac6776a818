package io.accord.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ACCORD_CORS_ORIGINS switches Quarkus' CORS filter on for exactly those origins. */
@QuarkusTest
@TestProfile(CorsEnabledTest.TwoOrigins.class)
class CorsEnabledTest {

    static final String APP = "http://app.example.test";

    public static class TwoOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.cors.origins", APP + ",https://admin.example.test:8443");
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginAllowsTheApiHeadersAndMethods() {
        for (String path : new String[] {"/api/v1/alerts/stream", "/api/v1/icps/some-icp/versions/1/approve",
            "/api/v1/api-keys/00000000-0000-0000-0000-000000000000"}) {
            given().header("Origin", APP)
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "authorization,x-api-key,content-type,if-match,idempotency-key,last-event-id")
                    .options(path)
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(APP))
                    .header("Access-Control-Allow-Methods", allOf(containsStringIgnoringCase("GET"),
                            containsStringIgnoringCase("POST"), containsStringIgnoringCase("PUT"),
                            containsStringIgnoringCase("DELETE")))
                    .header("Access-Control-Allow-Headers", allOf(containsStringIgnoringCase("Authorization"),
                            containsStringIgnoringCase("X-API-Key"), containsStringIgnoringCase("Content-Type"),
                            containsStringIgnoringCase("If-Match"), containsStringIgnoringCase("Idempotency-Key"),
                            containsStringIgnoringCase("Last-Event-ID")))
                    .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        }
    }

    @Test
    void theSecondConfiguredOriginIsAllowedToo() {
        given().header("Origin", "https://admin.example.test:8443")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/webhooks/x")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://admin.example.test:8443"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithoutCorsHeaders() {
        given().header("Origin", "http://evil.example.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/alerts")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedWithoutCorsHeaders() {
        Api.admin().header("Origin", "http://evil.example.test").get("/api/v1/alerts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(403))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void aRealRequestFromAnAllowedOriginGetsTheOriginAndTheExposedHeaders() {
        Api.admin().header("Origin", APP).get("/api/v1/alerts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP))
                .header("Access-Control-Expose-Headers", allOf(containsStringIgnoringCase("ETag"),
                        containsStringIgnoringCase("Location"), containsStringIgnoringCase("Idempotency-Replayed"),
                        containsStringIgnoringCase("Retry-After")));
    }

    @Test
    void problemResponsesToAnAllowedOriginCarryCorsHeadersSoTheBrowserCanReadThem() {
        given().header("Origin", APP).get("/api/v1/alerts")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(APP));
    }
}
