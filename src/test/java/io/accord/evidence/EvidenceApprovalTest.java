package io.accord.evidence;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proposing attaches the latest backtest; each approval records the backtest its side saw; stale needs acknowledging. */
@QuarkusTest
class EvidenceApprovalTest {

    private static String marketing;
    private static String sales;

    @org.junit.jupiter.api.BeforeEach
    void keys() {
        if (marketing == null) {
            marketing = Api.newKey("marketing");
            sales = Api.newKey("sales");
        }
    }

    private static List<Map<String, Object>> criteria(int weight) {
        return List.of(EvidenceData.criterion("company.industry", "in", List.of("software"), weight),
                EvidenceData.criterion("company.employees", "gte", "100", 40));
    }

    private static String backtest(String key, int n) {
        return admin().body(Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-02-01T00:00:00Z"))
                .post("/api/v1/icps/" + key + "/versions/" + n + "/backtest").then().statusCode(200)
                .extract().path("id");
    }

    @Test
    void anApprovalShowsTheBacktestEachSideSawAndStaleEvidenceNeedsAcknowledging() {
        String key = EvidenceData.icpWithDraft(criteria(60));
        String v1 = "/api/v1/icps/" + key + "/versions/1";
        String before = backtest(key, 1);

        // An edit after the backtest makes it stale.
        String etag = admin().get(v1).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("criteria", criteria(50), "tiers", List.of(
                        Map.of("label", "A", "minScore", 80), Map.of("label", "B", "minScore", 50),
                        Map.of("label", "C", "minScore", 0))))
                .put(v1).then().statusCode(200);

        admin().post(v1 + "/propose").then().statusCode(200)
                .body("proposedWithBacktest.id", equalTo(before))
                .body("proposedWithBacktest.stale", equalTo(true))
                .body("proposedWithBacktest.href", equalTo("/api/v1/icp-backtests/" + before));

        as(marketing).body(Map.of("side", "marketing")).post(v1 + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:stale-evidence"))
                .body("reason", equalTo("stale"));
        as(marketing).body(Map.of("side", "marketing", "acknowledgeStale", true)).post(v1 + "/approve").then()
                .statusCode(200)
                .body("status", equalTo("proposed"))
                .body("approvals[0].backtest.id", equalTo(before))
                .body("approvals[0].backtest.stale", equalTo(true));

        // Sales looks at a fresh backtest first: no acknowledgement needed.
        String after = backtest(key, 1);
        as(sales).body(Map.of("side", "sales")).post(v1 + "/approve").then().statusCode(200)
                .body("status", equalTo("active"));

        admin().get(v1).then().statusCode(200)
                .body("approvals.side", equalTo(List.of("marketing", "sales")))
                .body("approvals[0].backtest.id", equalTo(before))
                .body("approvals[1].backtest.id", equalTo(after))
                .body("approvals[1].backtest.stale", equalTo(false));

        // The diff shows the evidence of both versions.
        admin().body(Map.of("fromVersion", 1)).post("/api/v1/icps/" + key + "/versions").then().statusCode(201);
        admin().get("/api/v1/icps/" + key + "/versions/1/diff/2").then().statusCode(200)
                .body("fromEvidence.latestBacktest.id", equalTo(after))
                .body("fromEvidence.proposedWithBacktest.id", equalTo(before))
                .body("fromEvidence.approvals.backtest.id", equalTo(List.of(before, after)))
                .body("toEvidence.latestBacktest", nullValue())
                .body("toEvidence.approvals", equalTo(List.of()));

        // Cited backtests are kept: they no longer expire, and retention passes them by; an uncited one still expires.
        String uncited = backtest(key, 2);
        io.vertx.mutiny.sqlclient.Pool pool = io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get();
        pool.preparedQuery("update icp_backtests set expires_at = now() - interval '1 second' where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(uncited))).await().indefinitely();
        io.quarkus.arc.Arc.container().instance(BacktestJobs.class).get().purge().await().indefinitely();
        for (String cited : List.of(before, after)) {
            admin().get("/api/v1/icp-backtests/" + cited).then().statusCode(200).body("expiresAt", nullValue());
        }
        admin().get("/api/v1/icp-backtests/" + uncited).then().statusCode(404);

        // The audit log says which backtest each side signed on.
        admin().queryParam("resourceType", "icp").queryParam("resourceId", key).queryParam("limit", 200)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.action == 'icp.version.approved' }.summary",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("on backtest " + after)));
    }

    @Test
    void aVersionWithoutABacktestIsApprovedOnNone() {
        String key = EvidenceData.icpWithDraft(criteria(60));
        String v1 = "/api/v1/icps/" + key + "/versions/1";
        admin().post(v1 + "/propose").then().statusCode(200).body("proposedWithBacktest", nullValue());
        as(marketing).body(Map.of("side", "marketing")).post(v1 + "/approve").then().statusCode(200)
                .body("approvals[0].backtest", nullValue());
    }
}
