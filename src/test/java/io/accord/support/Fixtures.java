package io.accord.support;

import static io.accord.support.Api.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies and setup shared by the lead and SLA API tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Creates a Berlin calendar, Monday to Friday 09:00-17:00, and returns its key. */
    public static String berlinNineToFive() {
        String key = Api.slug("berlin");
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.add(Map.of("day", day, "start", "09:00", "end", "17:00"));
        }
        admin().body(Map.of("key", key, "name", "Berlin 9-5", "timeZone", "Europe/Berlin", "hours", hours))
                .post("/api/v1/calendars").then().statusCode(201);
        return key;
    }

    /** Creates a sales team and returns its key. */
    public static String team(String managerId, String calendarKey) {
        String key = Api.slug("team");
        Map<String, Object> body = new HashMap<>(Map.of("key", key, "name", "Team " + key, "function", "sales",
                "managerId", managerId, "members", List.of("u-1", "u-2")));
        if (calendarKey != null) {
            body.put("calendarKey", calendarKey);
        }
        admin().body(body).post("/api/v1/teams").then().statusCode(201);
        return key;
    }

    public static Map<String, Object> milestone(String kind, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("target", target);
        return m;
    }

    /** The example milestones: first touch 4h (warn 75 %, escalate 2h), decision 1 day, 3 attempts in 5 days, qualification 10 days. */
    public static List<Map<String, Object>> standardMilestones() {
        Map<String, Object> first = milestone("first_touch", "PT4H");
        first.put("warnAt", 0.75);
        first.put("escalateAfter", "PT2H");
        Map<String, Object> attempts = milestone("attempts", "P5D");
        attempts.put("attempts", 3);
        return List.of(first, milestone("decision", "P1D"), attempts, milestone("qualification", "P10D"));
    }

    /** A policy body; {@code conditions} maps condition names to lists. */
    public static Map<String, Object> policy(String key, int priority, String calendarKey,
            Map<String, List<String>> conditions, List<Map<String, Object>> milestones) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("name", "Policy " + key);
        body.put("priority", priority);
        body.put("enabled", true);
        body.put("calendarKey", calendarKey);
        body.put("conditions", conditions);
        body.put("milestones", milestones);
        return body;
    }

    public static void createPolicy(Map<String, Object> body) {
        admin().body(body).post("/api/v1/sla-policies").then().statusCode(201);
    }

    /** A lead body with a company in {@code country}. */
    public static Map<String, Object> lead(String source, String externalId, String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("externalId", externalId);
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Acme " + externalId);
        if (country != null) {
            company.put("country", country);
        }
        company.put("employees", 250);
        body.put("company", company);
        body.put("contact", Map.of("email", externalId + "@acme.example"));
        body.put("custom", Map.of());
        return body;
    }

    /** One marketing key and one sales key per test JVM, to sign ICP versions. */
    private static String marketingKey;
    private static String salesKey;

    /**
     * Activates a fresh ICP (version 1, signed by a marketing and a sales key) that only leads of this test can
     * qualify for: {@code custom.leadTest == marker} is required (weight 60), {@code company.region == marker} is
     * worth 40; tiers A at 80, B at 50, C at 0. So a lead with both scores 100 (tier A), one with the marker alone 60
     * (tier B). Returns the ICP key.
     */
    public static synchronized String activeIcp(String marker) {
        if (marketingKey == null) {
            marketingKey = Api.newKey("marketing");
            salesKey = Api.newKey("sales");
        }
        String key = Api.slug("icp");
        admin().body(Map.of("key", key, "name", "ICP " + key)).post("/api/v1/icps").then().statusCode(201);
        List<Map<String, Object>> criteria = List.of(
                Map.of("attribute", "custom.leadTest", "operator", "eq", "weight", 60, "required", true, "value", marker),
                Map.of("attribute", "company.region", "operator", "eq", "weight", 40, "required", false, "value", marker));
        List<Map<String, Object>> tiers = List.of(Map.of("label", "A", "minScore", 80),
                Map.of("label", "B", "minScore", 50), Map.of("label", "C", "minScore", 0));
        int n = admin().body(Map.of("criteria", criteria, "tiers", tiers, "notes", "lead tests"))
                .post("/api/v1/icps/" + key + "/versions").then().statusCode(201).extract().path("version");
        admin().post("/api/v1/icps/" + key + "/versions/" + n + "/propose").then().statusCode(200);
        Api.as(marketingKey).body(Map.of("side", "marketing")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                .then().statusCode(200);
        Api.as(salesKey).body(Map.of("side", "sales")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("active"));
        return key;
    }

    /** A lead that fits {@link #activeIcp(String)}: tier A with the region too, tier B without. */
    public static Map<String, Object> fittingLead(String source, String externalId, String country, String marker,
            boolean withRegion) {
        Map<String, Object> body = lead(source, externalId, country);
        @SuppressWarnings("unchecked")
        Map<String, Object> company = (Map<String, Object>) body.get("company");
        if (withRegion) {
            company.put("region", marker);
        }
        body.put("custom", Map.of("leadTest", marker));
        return body;
    }

    /** Pushes a lead as admin and returns its id. */
    public static String ingest(Map<String, Object> body) {
        return admin().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }
}
