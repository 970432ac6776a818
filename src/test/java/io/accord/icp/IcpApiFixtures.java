package io.accord.icp;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.accord.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies and workflow shortcuts shared by the ICP API tests. */
final class IcpApiFixtures {

    /** One key per side, created once per test JVM; distinct principals. */
    private static String marketingKey;
    private static String salesKey;

    private IcpApiFixtures() {
    }

    static synchronized String marketing() {
        if (marketingKey == null) {
            marketingKey = Api.newKey("marketing");
        }
        return marketingKey;
    }

    static synchronized String sales() {
        if (salesKey == null) {
            salesKey = Api.newKey("sales");
        }
        return salesKey;
    }

    /**
     * The hand-worked ICP: weights 30 + 25 + 20 + 15 + 10 = 100, industry required; tiers A ≥ 80, B ≥ 60, C ≥ 0.
     */
    static List<Map<String, Object>> criteria() {
        return List.of(
                criterion("company.industry", "in", 30, true, "values", List.of("software", "saas")),
                criterion("company.employeeCount", "between", 25, false, "min", 200, "max", 2000),
                criterion("company.country", "in", 20, false, "values", List.of("DE", "AT", "CH")),
                criterion("contact.title", "contains_any", 15, false, "values", List.of("vp", "head", "chief")),
                criterion("custom.crm", "eq", 10, false, "value", "hubspot"));
    }

    static List<Map<String, Object>> tiers() {
        return List.of(Map.of("label", "A", "minScore", 80), Map.of("label", "B", "minScore", 60),
                Map.of("label", "C", "minScore", 0));
    }

    static Map<String, Object> criterion(String attribute, String operator, int weight, boolean required,
            Object... operands) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("attribute", attribute);
        c.put("operator", operator);
        c.put("weight", weight);
        c.put("required", required);
        for (int i = 0; i < operands.length; i += 2) {
            c.put((String) operands[i], operands[i + 1]);
        }
        return c;
    }

    static Map<String, Object> version(List<Map<String, Object>> criteria, List<Map<String, Object>> tiers) {
        return Map.of("criteria", criteria, "tiers", tiers, "notes", "test version");
    }

    /** Creates an ICP with a fresh key and returns the key. */
    static String newIcp() {
        String key = Api.slug("icp");
        admin().body(Map.of("key", key, "name", "ICP " + key)).post("/api/v1/icps").then().statusCode(201);
        return key;
    }

    /** Drafts a version and returns its number. */
    static int draft(String key, Map<String, Object> body) {
        return admin().body(body).post("/api/v1/icps/" + key + "/versions").then().statusCode(201)
                .extract().path("version");
    }

    static int draft(String key) {
        return draft(key, version(criteria(), tiers()));
    }

    static void propose(String key, int n) {
        admin().post("/api/v1/icps/" + key + "/versions/" + n + "/propose").then().statusCode(200)
                .body("status", equalTo("proposed"));
    }

    /** Proposes draft n and has a marketing key and a sales key approve it. */
    static void activate(String key, int n) {
        propose(key, n);
        as(marketing()).body(Map.of("side", "marketing")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                .then().statusCode(200).body("status", equalTo("proposed"));
        as(sales()).body(Map.of("side", "sales")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                .then().statusCode(200).body("status", equalTo("active"));
    }

    /** A new ICP whose version 1 is the hand-worked definition, active. */
    static String activeIcp() {
        String key = newIcp();
        activate(key, draft(key));
        return key;
    }
}
