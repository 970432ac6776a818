package io.accord.commitment;

import static io.accord.support.Api.admin;

import io.accord.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Setup shared by the commitment API tests. */
final class Commitments {

    private Commitments() {
    }

    /** Creates a marketing team and returns its key. */
    static String marketingTeam() {
        String key = Api.slug("mkt");
        admin().body(Map.of("key", key, "name", "Marketing " + key, "function", "marketing", "members", List.of("m-1")))
                .post("/api/v1/teams").then().statusCode(201);
        return key;
    }

    static Map<String, Object> body(String key, String team, String calendar, String period, String metric,
            String minTier, String icpKey, int target, String startsOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("key", key);
        b.put("name", "Commitment " + key);
        b.put("teamKey", team);
        b.put("period", period);
        b.put("calendarKey", calendar);
        b.put("metric", metric);
        b.put("minTier", minTier);
        b.put("icpKey", icpKey);
        b.put("target", target);
        b.put("startsOn", startsOn);
        return b;
    }
}
