package io.accord.evidence;

import static io.accord.evidence.EvidenceData.Fate.ACCEPTED;
import static io.accord.evidence.EvidenceData.Fate.WON;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A week in which tier A wins less than tier B raises one icp.drift alert, however often the watch runs. */
@QuarkusTest
class DriftWatchTest {

    @Inject
    Pool pool;

    @Inject
    DriftWatch watch;

    @Test
    void aDriftingWeekRaisesExactlyOneAlert() {
        // Version 1: custom.seg = a (60) and custom.fast = yes (40): both → A (100), seg alone → B (60).
        String key = EvidenceData.icpWithDraft(List.of(EvidenceData.criterion("custom.seg", "eq", "a", 60),
                EvidenceData.criterion("custom.fast", "eq", "yes", 40)));
        String v1 = "/api/v1/icps/" + key + "/versions/1";
        admin().post(v1 + "/propose").then().statusCode(200);
        as(Api.newKey("marketing")).body(Map.of("side", "marketing")).post(v1 + "/approve").then().statusCode(200);
        as(Api.newKey("sales")).body(Map.of("side", "sales")).post(v1 + "/approve").then().statusCode(200)
                .body("status", equalTo("active"));

        // The backtest: in January, A won 6 of 10, B 2 of 10.
        EvidenceData history = new EvidenceData(pool);
        Instant january = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < 20; i++) {
            boolean a = i < 10;
            boolean won = a ? i < 6 : i < 12;
            history.lead(january.plus(Duration.ofHours(i)), "{}", a ? "{\"seg\": \"a\", \"fast\": \"yes\"}"
                    : "{\"seg\": \"a\"}", null, null, null, null, won ? WON : ACCEPTED, null, null);
        }
        admin().body(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z",
                        "filters", Map.of("source", history.source)))
                .post(v1 + "/backtest").then().statusCode(200)
                .body("result.candidate.tiers.tier", equalTo(List.of("A", "B")))
                .body("result.candidate.tiers.won", equalTo(List.of(6, 2)));

        // The last weeks, as scored at hand-off by version 1: A won 1 of 10, B 5 of 10.
        EvidenceData recent = new EvidenceData(pool);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            boolean a = i < 10;
            boolean won = a ? i < 1 : i < 15;
            recent.lead(now.minus(Duration.ofDays(2 + i)), "{}", "{}", key, 1, a ? 100 : 60, a ? "A" : "B",
                    won ? WON : ACCEPTED, null, null);
        }

        int first = watch.check().await().indefinitely();
        int second = watch.check().await().indefinitely();
        assertTrue(first >= 1, "the first run raised the alert");
        assertEquals(0, second, "the second run in the same week raises nothing");

        List<Map<String, Object>> ours = alertsOf(key);
        assertEquals(1, ours.size(), ours.toString());
        Map<String, Object> alert = ours.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) alert.get("details");
        assertEquals(1, details.get("version"));
        assertEquals(20, details.get("recentLeads"));
        assertTrue(String.valueOf(details.get("reasons")).contains("tier A won 10.0 % of its 10 leads, below tier B"),
                details.toString());
        assertEquals("open", alert.get("status"));
    }

    private static List<Map<String, Object>> alertsOf(String key) {
        List<Map<String, Object>> items = admin().queryParam("kind", "icp.drift").queryParam("limit", 200)
                .get("/api/v1/alerts").then().statusCode(200).extract().path("items");
        return items.stream().filter(a -> a.get("details") instanceof Map<?, ?> d && key.equals(d.get("icpKey")))
                .toList();
    }
}
