package io.accord.common;

import static io.accord.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsCardinalityTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\".*$",
            Pattern.MULTILINE);

    @Test
    void unknownPathsAndRawIdsNeverBecomeMetricTags() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 200; i++) {
            String id = marker + "-" + i;
            switch (i % 4) {
                case 0 -> anonymous().get("/" + id);
                case 1 -> anonymous().get("/api/v1/" + id);
                case 2 -> anonymous().delete("/api/v1/teams/x/" + id);
                default -> anonymous().put("/api/v1/alerts/" + id);
            }
        }
        for (int i = 0; i < 50; i++) {
            String id = marker + "-lead-" + i;
            anonymous().get("/api/v1/leads/" + id);
            anonymous().delete("/api/v1/leads/" + id);
            Api.as("acc_wrong").get("/api/v1/leads/" + id);
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(!metrics.contains(marker), "a raw path is in /q/metrics:\n" + metrics.lines()
                .filter(l -> l.contains(marker)).limit(5).collect(Collectors.joining("\n")));
        Set<String> uris = URI.matcher(metrics).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertTrue(uris.contains("/api/v1/leads/{id}"), "templates: " + uris);
        for (String uri : uris) {
            assertTrue(uri.equals("NOT_FOUND") || uri.equals("UNKNOWN") || uri.startsWith("/api/v1/")
                    || uri.startsWith("/q/") || uri.equals("root"), "unexpected uri tag " + uri);
        }
    }

    @Test
    void aMethodNotAllowedOnARealRouteIsCountedUnderItsTemplate() {
        String id = UUID.randomUUID().toString();
        anonymous().put("/api/v1/alerts/" + id).then().statusCode(405);
        String metrics = RestAssured.get("/q/metrics").asString();
        List<String> lines = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("status=\"405\"") && l.contains("method=\"PUT\"")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("uri=\"/api/v1/alerts/{id}\"")), String.join("\n", lines));
        assertEquals(-1, metrics.indexOf(id));
    }
}
