package io.accord.common;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.rate-limit.requests-per-second", "0.01", "accord.rate-limit.burst", "3");
        }
    }

    @Test
    void everyResponseCarriesTheAllowanceAndBeyondTheBurstA429ProblemSaysWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            admin().get("/api/v1/api-keys").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", matchesPattern("[0-2]"))
                    .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        }
        admin().get("/api/v1/api-keys").then().statusCode(429)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:rate-limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }
}
