package io.accord.report;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Speed to lead, the funnel and fit against outcome, each over leads whose figures are worked out by hand. */
@QuarkusTest
class LeadReportsTest {

    @Inject
    Pool pool;

    ReportData data;

    @BeforeEach
    void namespace() {
        data = new ReportData(pool);
    }

    // ------------------------------------------------------------------------------------------ speed to lead

    @Test
    void speedToLeadMeasuresHandOffToFirstTouch() {
        UUID l1 = data.lead("2026-11-16T08:00:00Z", "rep-a", null, null, null, null);
        data.handOff(l1, "2026-11-16T09:00:00Z");
        data.touch(l1, "2026-11-16T09:40:00Z");
        data.touch(l1, "2026-11-16T09:10:00Z"); // logged later, happened earlier: the first touch (10 min)
        UUID l2 = data.lead("2026-11-16T08:00:00Z", "rep-a", null, null, null, null);
        data.handOff(l2, "2026-11-16T10:00:00Z");
        data.touch(l2, "2026-11-16T09:00:00Z"); // before the hand-off: not a follow-up
        data.touch(l2, "2026-11-16T11:00:00Z"); // exactly one hour: within the hour
        UUID l3 = data.lead("2026-11-16T08:00:00Z", "rep-a", null, null, null, null);
        data.handOff(l3, "2026-11-16T12:00:00Z");
        data.touch(l3, "2026-11-16T15:00:00Z"); // 3 h
        UUID l4 = data.lead("2026-11-16T08:00:00Z", "rep-a", null, null, null, null);
        data.handOff(l4, "2026-11-17T09:00:00Z"); // never touched
        UUID l5 = data.lead("2026-11-16T08:00:00Z", "rep-b", null, null, null, null);
        data.handOff(l5, "2026-11-17T10:00:00Z");
        data.touch(l5, "2026-11-17T10:30:00Z"); // 30 min
        UUID l6 = data.lead("2026-11-16T08:00:00Z", "rep-b", null, null, null, null);
        data.handOff(l6, "2026-11-23T00:00:00Z"); // outside the window
        data.touch(l6, "2026-11-23T00:05:00Z");
        data.lead("2026-11-16T08:00:00Z", "rep-b", null, null, null, null); // never handed off

        admin().queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("source", data.source).queryParam("groupBy", "ownerId")
                .get("/api/v1/reports/speed-to-lead").then().statusCode(200)
                .body("groups.key", equalTo(List.of("rep-a", "rep-b")))
                // rep-a: [600, 3600, 10800] s; p90 at 1.8: 3600 + 0.8 × 7200 = 9360; p99 at 1.98: 3600 + 0.98 × 7200
                .body("groups[0].handedOff", equalTo(4)).body("groups[0].touched", equalTo(3))
                .body("groups[0].median", equalTo("PT1H")).body("groups[0].p90", equalTo("PT2H36M"))
                .body("groups[0].p99", equalTo("PT2H57M36S"))
                .body("groups[0].withinOneHour", equalTo(2)).body("groups[0].withinOneHourShare", equalTo(50.0f))
                .body("groups[1].handedOff", equalTo(1)).body("groups[1].median", equalTo("PT30M"))
                .body("groups[1].withinOneHourShare", equalTo(100.0f))
                // total: [600, 1800, 3600, 10800]; median 2700; p90 at 2.7: 3600 + 0.7 × 7200 = 8640; p99 at 2.97
                .body("total.handedOff", equalTo(5)).body("total.touched", equalTo(4))
                .body("total.median", equalTo("PT45M")).body("total.p90", equalTo("PT2H24M"))
                .body("total.p99", equalTo("PT2H56M24S"))
                .body("total.withinOneHour", equalTo(3)).body("total.withinOneHourShare", equalTo(60.0f));

        String csv = admin().accept("text/csv").queryParam("from", "2026-11-16T00:00:00Z")
                .queryParam("to", "2026-11-23T00:00:00Z").queryParam("source", data.source)
                .get("/api/v1/reports/speed-to-lead").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertEquals("scope,group_by,key,handed_off,touched,median_seconds,p90_seconds,p99_seconds,within_one_hour,"
                + "within_one_hour_percent\r\n"
                + "group,,,5,4,2700,8640,10584,3,60.0\r\n"
                + "total,,,5,4,2700,8640,10584,3,60.0\r\n", csv);
    }

    @Test
    void milestoneDoesNotApplyToLeadReports() {
        admin().queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("groupBy", "milestone").get("/api/v1/reports/speed-to-lead").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", equalTo("must be one of: ownerId, teamKey, tier, icpKey, policyKey, source"));
        admin().queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("milestone", "first_touch").get("/api/v1/reports/funnel").then().statusCode(400)
                .body("errors[0].field", equalTo("milestone"));
        admin().queryParam("from", "2026-11-16T00:00:00Z").get("/api/v1/reports/fit-vs-outcome").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        admin().accept("text/markdown").queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .get("/api/v1/reports/funnel").then().statusCode(406);
    }

    // ------------------------------------------------------------------------------------------ funnel

    @Test
    void funnelCountsStagesConversionsAndRejectionReasons() {
        String at = "2026-11-10T08:00:00Z";
        data.lead(at, null, null, null, null, "A"); // new
        data.lead(at, null, null, null, null, "B"); // new
        UUID f3 = data.lead(at, null, null, null, null, "A");
        data.handOff(f3, "2026-11-10T09:00:00Z"); // mql
        UUID f4 = data.lead(at, null, null, null, null, "A");
        data.handOff(f4, "2026-11-10T09:00:00Z");
        data.move(f4, "accepted", "2026-11-10T10:00:00Z");
        UUID f5 = data.lead(at, null, null, null, null, "B");
        data.handOff(f5, "2026-11-10T09:00:00Z");
        data.move(f5, "accepted", "2026-11-10T10:00:00Z");
        data.move(f5, "qualified", "2026-11-11T10:00:00Z");
        UUID f6 = data.lead(at, null, null, null, null, "A");
        data.handOff(f6, "2026-11-10T09:00:00Z");
        data.move(f6, "accepted", "2026-11-10T10:00:00Z");
        data.move(f6, "qualified", "2026-11-11T10:00:00Z");
        data.move(f6, "won", "2026-11-20T10:00:00Z");
        UUID f7 = data.lead(at, null, null, null, null, "B");
        data.handOff(f7, "2026-11-10T09:00:00Z");
        data.move(f7, "accepted", "2026-11-10T10:00:00Z");
        data.move(f7, "qualified", "2026-11-11T10:00:00Z");
        data.move(f7, "lost", "2026-11-20T10:00:00Z");
        UUID f8 = data.lead(at, null, null, null, null, "A");
        data.handOff(f8, "2026-11-10T09:00:00Z");
        data.reject(f8, "not_icp_fit", "2026-11-10T11:00:00Z");
        UUID f9 = data.lead(at, null, null, null, null, "B");
        data.handOff(f9, "2026-11-10T09:00:00Z");
        data.move(f9, "accepted", "2026-11-10T10:00:00Z");
        data.reject(f9, "no_budget", "2026-11-12T11:00:00Z");
        UUID f10 = data.lead(at, null, null, null, null, "B");
        data.handOff(f10, "2026-11-10T09:00:00Z");
        data.reject(f10, "not_icp_fit", "2026-11-10T11:00:00Z");
        data.move(f10, "recycled", "2026-11-13T11:00:00Z");
        data.lead("2026-12-01T00:00:00Z", null, null, null, null, "A"); // created after the window

        admin().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("source", data.source).get("/api/v1/reports/funnel").then().statusCode(200)
                .body("total.leads", equalTo(10))
                .body("total.stages.stage", equalTo(FunnelReport.STAGES))
                .body("total.stages.current", equalTo(List.of(2, 1, 1, 1, 1, 1, 2, 1)))
                .body("total.stages.reached", equalTo(List.of(10, 8, 5, 3, 1, 1, 3, 1)))
                // 8 ÷ 10, 5 ÷ 8, 3 ÷ 5, 1 ÷ 3, 1 ÷ 8
                .body("total.conversions.rate", equalTo(List.of(80.0f, 62.5f, 60.0f, 33.3f, 12.5f)))
                .body("total.conversions.from", equalTo(List.of("new", "mql", "accepted", "qualified", "mql")))
                .body("total.rejectionReasons.reason", equalTo(List.of("not_icp_fit", "no_budget")))
                .body("total.rejectionReasons.count", equalTo(List.of(2, 1)));

        admin().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("source", data.source).queryParam("groupBy", "tier").get("/api/v1/reports/funnel").then()
                .statusCode(200)
                .body("groups.key", equalTo(List.of("A", "B")))
                .body("groups[0].stages.current", equalTo(List.of(1, 1, 1, 0, 1, 0, 1, 0)))
                .body("groups[0].stages.reached", equalTo(List.of(5, 4, 2, 1, 1, 0, 1, 0)))
                .body("groups[0].conversions.rate", equalTo(List.of(80.0f, 50.0f, 50.0f, 100.0f, 25.0f)))
                .body("groups[1].stages.current", equalTo(List.of(1, 0, 0, 1, 0, 1, 1, 1)))
                .body("groups[1].stages.reached", equalTo(List.of(5, 4, 3, 2, 0, 1, 2, 1)))
                // 4 ÷ 5, 3 ÷ 4, 2 ÷ 3, 0 ÷ 2, 0 ÷ 4
                .body("groups[1].conversions.rate", equalTo(List.of(80.0f, 75.0f, 66.7f, 0.0f, 0.0f)))
                .body("groups[1].rejectionReasons.reason", equalTo(List.of("no_budget", "not_icp_fit")));

        String csv = admin().accept("text/csv").queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z").queryParam("source", data.source)
                .get("/api/v1/reports/funnel").then().statusCode(200).extract().asString();
        assertEquals("total,,,10,2,10,1,8,1,5,1,3,1,1,1,1,2,3,1,1,80.0,62.5,60.0,33.3,12.5,2,0,0,1,0,0,0",
                csv.split("\r\n")[2]);
    }

    // ------------------------------------------------------------------------------------------ fit vs outcome

    @Test
    void fitVsOutcomeIsPerIcpVersionAndTierInTheVersionsOrder() {
        // Tier labels whose alphabetical order (Bronze, Gold, Silver) is not the ICP's (Gold, Silver, Bronze).
        String icp = Api.slug("fit");
        admin().body(Map.of("key", icp, "name", "Fit " + icp)).post("/api/v1/icps").then().statusCode(201);
        admin().body(Map.of("criteria", List.of(Map.of("attribute", "company.industry", "operator", "in", "weight", 100,
                        "required", false, "values", List.of("saas"))),
                "tiers", List.of(Map.of("label", "Gold", "minScore", 80), Map.of("label", "Silver", "minScore", 50),
                        Map.of("label", "Bronze", "minScore", 0))))
                .post("/api/v1/icps/" + icp + "/versions").then().statusCode(201);
        String created = "2026-11-01T08:00:00Z";
        String handed = "2026-11-10T09:00:00Z";
        UUID g1 = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(g1, handed);
        data.move(g1, "accepted", "2026-11-10T10:00:00Z");
        UUID g2 = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(g2, handed);
        data.move(g2, "accepted", "2026-11-10T10:00:00Z");
        data.move(g2, "qualified", "2026-11-11T10:00:00Z");
        data.move(g2, "won", "2026-11-20T10:00:00Z");
        UUID g3 = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(g3, handed);
        data.reject(g3, "no_budget", "2026-11-10T11:00:00Z");
        UUID g4 = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(g4, handed);
        // Accepted in an earlier hand-off, then rejected, recycled and handed off again: not accepted this time.
        UUID g5 = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(g5, "2026-11-02T09:00:00Z");
        data.move(g5, "accepted", "2026-11-02T10:00:00Z");
        data.reject(g5, "no_authority", "2026-11-03T10:00:00Z");
        data.move(g5, "recycled", "2026-11-04T10:00:00Z");
        data.handOff(g5, handed);
        UUID s1 = data.lead(created, null, null, icp, 1, "Silver");
        data.handOff(s1, handed);
        data.move(s1, "accepted", "2026-11-10T10:00:00Z");
        UUID s2 = data.lead(created, null, null, icp, 1, "Silver");
        data.handOff(s2, handed);
        UUID b1 = data.lead(created, null, null, icp, 1, "Bronze");
        data.handOff(b1, handed);
        data.reject(b1, "not_icp_fit", "2026-11-10T11:00:00Z");
        UUID n1 = data.lead(created, null, null, null, null, null);
        data.handOff(n1, handed);
        data.move(n1, "accepted", "2026-11-10T10:00:00Z");
        UUID outside = data.lead(created, null, null, icp, 1, "Gold");
        data.handOff(outside, "2026-12-01T00:00:00Z");

        admin().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("source", data.source).get("/api/v1/reports/fit-vs-outcome").then().statusCode(200)
                .body("rows.icpKey", equalTo(Arrays.asList(icp, icp, icp, null)))
                .body("rows.icpVersion", equalTo(Arrays.asList(1, 1, 1, null)))
                .body("rows.tier", equalTo(Arrays.asList("Gold", "Silver", "Bronze", null)))
                .body("rows.leads", equalTo(List.of(5, 2, 1, 1)))
                // Gold: accepted g1, g2 (2 ÷ 5); qualified g2; won g2; rejected g3
                .body("rows[0].accepted", equalTo(2)).body("rows[0].acceptedRate", equalTo(40.0f))
                .body("rows[0].qualifiedRate", equalTo(20.0f)).body("rows[0].wonRate", equalTo(20.0f))
                .body("rows[0].rejected", equalTo(1)).body("rows[0].rejectedRate", equalTo(20.0f))
                .body("rows[1].acceptedRate", equalTo(50.0f)).body("rows[1].qualifiedRate", equalTo(0.0f))
                .body("rows[2].acceptedRate", equalTo(0.0f)).body("rows[2].rejectedRate", equalTo(100.0f))
                .body("rows[3].acceptedRate", equalTo(100.0f));

        String csv = admin().accept("text/csv").queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z").queryParam("source", data.source)
                .get("/api/v1/reports/fit-vs-outcome").then().statusCode(200).extract().asString();
        assertEquals(icp + ",1,Gold,5,2,40.0,1,20.0,1,20.0,1,20.0", csv.split("\r\n")[1]);
        assertEquals(",,,1,1,100.0,0,0.0,0,0.0,0,0.0", csv.split("\r\n")[4]);
    }
}
