package io.accord.sla;

import static io.accord.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector's own loop, on the real clock: a breach is recorded within two seconds of its due date. */
@QuarkusTest
@TestProfile(BreachDetectorLoopTest.LoopOn.class)
class BreachDetectorLoopTest {

    public static class LoopOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.detector.enabled", "true");
        }
    }

    @Test
    void aBreachIsRecordedWithinTwoSecondsOfItsDueDate() throws Exception {
        String calendar = alwaysOpen();
        String source = Api.slug("loop");
        Fixtures.createPolicy(Fixtures.policy(Api.slug("pol"), 100, calendar, Map.of("sources", List.of(source)),
                List.of(Fixtures.milestone("first_touch", "PT3S"))));
        Map<String, Object> lead = Fixtures.lead(source, Api.slug("ext"), "DE");
        lead.put("status", "mql");
        String id = Fixtures.ingest(lead);
        long deadline = System.currentTimeMillis() + 15_000;
        List<Map<String, Object>> alerts = List.of();
        while (System.currentTimeMillis() < deadline && alerts.isEmpty()) {
            Thread.sleep(100);
            alerts = admin().queryParam("leadId", id).queryParam("kind", "sla.breached").get("/api/v1/alerts").then()
                    .extract().path("items");
        }
        assertEquals(1, alerts.size(), "no breach alert");
        Duration lag = Duration.between(Instant.parse((String) alerts.get(0).get("dueAt")),
                Instant.parse((String) alerts.get(0).get("detectedAt")));
        assertTrue(!lag.isNegative() && lag.compareTo(Duration.ofSeconds(2)) <= 0, "detection lag " + lag);
    }

    private static String alwaysOpen() {
        String key = Api.slug("always");
        List<Map<String, String>> hours = new java.util.ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.add(Map.of("day", day, "start", "00:00", "end", "24:00"));
        }
        admin().body(Map.of("key", key, "name", "Always", "timeZone", "UTC", "hours", hours)).post("/api/v1/calendars")
                .then().statusCode(201);
        return key;
    }
}
