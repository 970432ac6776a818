package io.accord.icp;

import static io.accord.icp.IcpApiFixtures.activate;
import static io.accord.icp.IcpApiFixtures.activeIcp;
import static io.accord.icp.IcpApiFixtures.criterion;
import static io.accord.icp.IcpApiFixtures.draft;
import static io.accord.icp.IcpApiFixtures.newIcp;
import static io.accord.icp.IcpApiFixtures.propose;
import static io.accord.icp.IcpApiFixtures.version;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IcpEvaluationResourceTest {

    /** Hand-worked: industry 30 (required) + employees 25 + country 20 + title 15 matched, crm 10 missing → 90, A. */
    private static final Map<String, Object> LEAD_A = Map.of(
            "company", Map.of("industry", "Software", "employeeCount", 450, "country", "DE"),
            "contact", Map.of("title", "VP Engineering"));
    /** Required industry fails; employees 25 + title 15 + crm 10 → 50, not qualified, no tier. */
    private static final Map<String, Object> LEAD_B = Map.of(
            "company", Map.of("industry", "Retail", "employeeCount", 450, "country", "FR"),
            "contact", Map.of("title", "Head of IT"),
            "custom", Map.of("crm", "HubSpot"));
    /** industry 30 + country 20 → 50, tier C; employees "5000" is out of range; title and crm missing. */
    private static final Map<String, Object> LEAD_C = Map.of(
            "company", Map.of("industry", " saas ", "employeeCount", "5000", "country", "at"),
            "contact", Map.of());

    @Inject
    Pool database;

    @Inject
    IcpScoring scoring;

    private static String evaluate(String key) {
        return "/api/v1/icps/" + key + "/evaluate";
    }

    @Test
    void evaluatesALeadExactlyAsDefinedWithAPerCriterionExplanation() {
        String key = activeIcp();
        as(Api.newKey("viewer")).body(LEAD_A).post(evaluate(key)).then().statusCode(200)
                .body("icpKey", equalTo(key))
                .body("version", equalTo(1))
                .body("score", equalTo(90))
                .body("tier", equalTo("A"))
                .body("qualified", equalTo(true))
                .body("criteria.attribute", equalTo(List.of("company.industry", "company.employeeCount",
                        "company.country", "contact.title", "custom.crm")))
                .body("criteria.operator", equalTo(List.of("in", "between", "in", "contains_any", "eq")))
                .body("criteria.matched", equalTo(List.of(true, true, true, true, false)))
                .body("criteria.required", equalTo(List.of(true, false, false, false, false)))
                .body("criteria.weight", equalTo(List.of(30, 25, 20, 15, 10)))
                .body("criteria[0].actual", equalTo("Software"))
                .body("criteria[1].actual", equalTo(450))
                .body("criteria[4].actual", nullValue())
                .body("missingAttributes", equalTo(List.of("custom.crm")));
    }

    @Test
    void aFailedRequiredCriterionMeansNotQualifiedAndNoTier() {
        String key = activeIcp();
        as(Api.newKey("integrator")).body(LEAD_B).post(evaluate(key)).then().statusCode(200)
                .body("score", equalTo(50))
                .body("qualified", equalTo(false))
                .body("tier", nullValue())
                .body("criteria.matched", equalTo(List.of(false, true, false, true, true)))
                .body("missingAttributes", empty());
    }

    @Test
    void missingAttributesNeverMatchAndAreListedOnce() {
        String key = activeIcp();
        admin().body(LEAD_C).post(evaluate(key)).then().statusCode(200)
                .body("score", equalTo(50))
                .body("tier", equalTo("C"))
                .body("qualified", equalTo(true))
                .body("criteria.matched", equalTo(List.of(true, false, true, false, false)))
                .body("criteria[1].actual", equalTo("5000"))
                .body("missingAttributes", equalTo(List.of("contact.title", "custom.crm")));
    }

    @Test
    void withoutAnActiveVersionEvaluationIs409UnlessAVersionIsAskedFor() {
        String key = newIcp();
        int n = draft(key);
        admin().body(LEAD_A).post(evaluate(key)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:conflict"));
        admin().queryParam("version", n).body(LEAD_A).post(evaluate(key)).then().statusCode(200)
                .body("version", equalTo(n)).body("score", equalTo(90));
        admin().body(LEAD_A).post(evaluate(Api.slug("nope"))).then().statusCode(404);
    }

    @Test
    void theVersionParameterPicksAnyExistingVersion() {
        String key = activeIcp();
        int draft = draft(key, version(List.of(criterion("company.country", "in", 10, false, "values", List.of("FR"))),
                List.of(Map.of("label", "A", "minScore", 50))));
        admin().body(LEAD_A).post(evaluate(key)).then().statusCode(200).body("version", equalTo(1))
                .body("score", equalTo(90));
        admin().queryParam("version", draft).body(LEAD_A).post(evaluate(key)).then().statusCode(200)
                .body("version", equalTo(draft)).body("score", equalTo(0)).body("tier", nullValue())
                .body("qualified", equalTo(true));
        admin().queryParam("version", 1).body(LEAD_A).post(evaluate(key)).then().statusCode(200)
                .body("version", equalTo(1));
        admin().queryParam("version", 9).body(LEAD_A).post(evaluate(key)).then().statusCode(404);
        admin().queryParam("version", "latest").body(LEAD_A).post(evaluate(key)).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
    }

    @Test
    void aMalformedLeadIsABadRequestNamingTheField() {
        String key = activeIcp();
        admin().body(Map.of("company", "Acme")).post(evaluate(key)).then().statusCode(400)
                .body("errors[0].field", equalTo("company"));
        admin().body(Map.of("lead", Map.of())).post(evaluate(key)).then().statusCode(400)
                .body("errors[0].field", equalTo("lead"));
    }

    @Test
    void evaluatingAgainstEveryActiveIcpOrdersByScoreThenKey() {
        String probe = UUID.randomUUID().toString();
        // two ICPs that tie at 100, one at 50, one at 0; keys sorted so the tie order is checkable
        List<String> keys = new ArrayList<>(List.of(newIcp(), newIcp(), newIcp(), newIcp()));
        Collections.sort(keys);
        Map<String, Integer> expected = Map.of(keys.get(0), 50, keys.get(1), 100, keys.get(2), 0, keys.get(3), 100);
        for (String key : keys) {
            int score = expected.get(key);
            List<Map<String, Object>> criteria = new ArrayList<>();
            criteria.add(criterion("custom.probe", "eq", 10, false, "value", score == 0 ? "other" : probe));
            if (score == 50) {
                criteria.add(criterion("custom.absent", "exists", 10, false));
            }
            activate(key, draft(key, version(criteria, List.of(Map.of("label", "A", "minScore", 0)))));
        }
        Response response = admin().body(Map.of("custom", Map.of("probe", probe))).post("/api/v1/icps/evaluate");
        response.then().statusCode(200);
        List<String> order = response.path("items.icpKey");
        List<Integer> scores = response.path("items.score");
        List<String> mine = order.stream().filter(keys::contains).toList();
        assertEquals(List.of(keys.get(1), keys.get(3), keys.get(0), keys.get(2)), mine);
        for (int i = 1; i < order.size(); i++) {
            int a = scores.get(i - 1);
            int b = scores.get(i);
            assertTrue(a > b || (a == b && order.get(i - 1).compareTo(order.get(i)) < 0),
                    "sorted by score, then key, at " + i + ": " + order);
        }
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            byKey.put(order.get(i), scores.get(i));
        }
        for (String key : keys) {
            assertEquals(expected.get(key), byKey.get(key), key);
        }
    }

    @Test
    void aBatchAnswersInOrderWithAProblemPerInvalidItem() {
        String key = activeIcp();
        List<Object> items = new ArrayList<>();
        items.add(LEAD_A);
        items.add(Map.of("company", "Acme"));
        items.add(null);
        items.add(LEAD_B);
        items.add(Map.of("company", Map.of(), "lead", 1));
        admin().body(Map.of("items", items)).post("/api/v1/icps/" + key + "/evaluate-batch").then().statusCode(200)
                .body("results", hasSize(5))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("results[0].result.score", equalTo(90))
                .body("results[0].result.tier", equalTo("A"))
                .body("results[0].problem", nullValue())
                .body("results[1].result", nullValue())
                .body("results[1].problem.type", equalTo("urn:accord:problem:validation-error"))
                .body("results[1].problem.status", equalTo(422))
                .body("results[1].problem.errors[0].field", equalTo("items[1].company"))
                .body("results[2].problem.errors[0].field", equalTo("items[2]"))
                .body("results[3].result.score", equalTo(50))
                .body("results[3].result.qualified", equalTo(false))
                .body("results[4].problem.errors[0].field", equalTo("items[4].lead"));
    }

    @Test
    void aBatchOfMoreThan1000IsRefusedNamingItems() {
        String key = activeIcp();
        List<Object> items = Collections.nCopies(1001, Map.of());
        admin().body(Map.of("items", items)).post("/api/v1/icps/" + key + "/evaluate-batch").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors[0].field", equalTo("items"));
        admin().body(Map.of("items", Collections.nCopies(1000, LEAD_C))).post("/api/v1/icps/" + key + "/evaluate-batch")
                .then().statusCode(200).body("results", hasSize(1000)).body("results[999].result.score", equalTo(50));
    }

    /**
     * Another replica activates a version: here, the same change made directly in SQL, bypassing this process. The
     * very next evaluation here must use it, with no waiting.
     */
    @Test
    void theCacheFollowsAnActivationMadeElsewhereAtOnce() {
        String key = activeIcp();
        admin().body(LEAD_A).post(evaluate(key)).then().statusCode(200).body("version", equalTo(1))
                .body("score", equalTo(90));
        int next = draft(key, version(List.of(criterion("company.country", "in", 10, false, "values", List.of("FR"))),
                List.of(Map.of("label", "A", "minScore", 50))));
        propose(key, next);
        long before = generation();

        sql("update icp_versions set status = 'superseded', superseded_at = now() "
                + "where icp_id = (select id from icps where key = $1) and status = 'active'", Tuple.of(key),
                "update icp_versions set status = 'active', activated_at = now() "
                        + "where icp_id = (select id from icps where key = $1) and number = $2", Tuple.of(key, next));

        assertTrue(generation() > before, "the catalog generation moved with the activation");
        assertEquals("object", database.preparedQuery("select jsonb_typeof(v.definition) from icp_versions v "
                + "join icps i on i.id = v.icp_id where i.key = $1 and v.number = $2").execute(Tuple.of(key, next))
                .await().indefinitely().iterator().next().getString(0), "definitions are stored as jsonb objects");
        admin().body(LEAD_A).post(evaluate(key)).then().statusCode(200)
                .body("version", equalTo(next))
                .body("score", equalTo(0))
                .body("tier", nullValue());

        sql("update icp_versions set status = 'superseded', superseded_at = now() "
                + "where icp_id = (select id from icps where key = $1) and status = 'active'", Tuple.of(key));
        admin().body(LEAD_A).post(evaluate(key)).then().statusCode(409);
        List<String> all = admin().body(LEAD_A).post("/api/v1/icps/evaluate").then().statusCode(200)
                .extract().path("items.icpKey");
        assertTrue(!all.contains(key), "a retired ICP is no longer evaluated");
    }

    @Test
    void bestFitPrefersQualifiedOverAHigherUnqualifiedScore() {
        String probe = UUID.randomUUID().toString();
        String unqualified = newIcp();
        activate(unqualified, draft(unqualified, version(List.of(
                criterion("custom.probe", "eq", 10, true, "value", "something-else"),
                criterion("custom.probe", "exists", 90, false)), List.of(Map.of("label", "A", "minScore", 0)))));
        String qualified = newIcp();
        activate(qualified, draft(qualified, version(List.of(
                criterion("custom.probe", "eq", 10, false, "value", probe),
                criterion("contact.title", "eq", 90, false, "value", "ceo")), List.of(Map.of("label", "A", "minScore", 0)))));
        LeadAttributes lead = new LeadAttributes(null, null, Map.of("probe", probe));

        Optional<IcpFit> best = await(() -> scoring.bestFit(lead));
        assertEquals(Optional.of(new IcpFit(qualified, 1, 10, "A", true)), best);

        List<IcpEvaluation> all = await(() -> scoring.evaluateActive(lead));
        assertEquals(unqualified, all.get(0).icpKey(), "evaluateActive is by score first");
        assertEquals(90, all.get(0).evaluation().score());
        assertEquals(false, all.get(0).evaluation().qualified());

        List<Optional<IcpFit>> fits = await(() -> scoring.bestFits(List.of(lead, lead)));
        assertEquals(List.of(best, best), fits);
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    private void sql(String first, Tuple firstArgs, Object... more) {
        database.withTransaction(connection -> {
            var chain = connection.preparedQuery(first).execute(firstArgs);
            for (int i = 0; i < more.length; i += 2) {
                String statement = (String) more[i];
                Tuple args = (Tuple) more[i + 1];
                chain = chain.chain(() -> connection.preparedQuery(statement).execute(args));
            }
            return chain;
        }).await().indefinitely();
    }

    private long generation() {
        return database.query("select generation from icp_catalog_state where id = 1").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
