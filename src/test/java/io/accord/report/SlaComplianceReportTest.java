package io.accord.report;

import static io.accord.report.ReportData.clock;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA compliance over ten clocks whose outcomes and times are worked out by hand. The calendar is Berlin, Monday to
 * Friday 09:00–17:00 (UTC+1 in November); the window is Monday 2026-11-16 00:00Z to Monday 2026-11-23 00:00Z by due
 * time.
 */
@QuarkusTest
class SlaComplianceReportTest {

    static final String FROM = "2026-11-16T00:00:00Z";
    static final String TO = "2026-11-23T00:00:00Z";

    @Inject
    Pool pool;

    ReportData data;
    String team1;
    String team2;

    @BeforeEach
    void knownClocks() {
        data = new ReportData(pool);
        String calendar = Fixtures.berlinNineToFive();
        String policyKey = Api.slug("pol");
        UUID policy = data.policy(policyKey, calendar);
        team1 = ReportData.team();
        team2 = ReportData.team();
        List<Map<String, Object>> clocks = List.of(
                // rep-a: on time (wall 30 min; business 10:00–10:30 Berlin = 30 min)
                clock("first_touch", "rep-a", team1, "2026-11-16T09:00:00Z", "2026-11-16T13:00:00Z", "met",
                        "2026-11-16T09:30:00Z", null, null),
                // rep-a: late (wall 6 h; business 10:00–16:00 Berlin = 6 h)
                clock("first_touch", "rep-a", team1, "2026-11-16T09:00:00Z", "2026-11-16T13:00:00Z", "met",
                        "2026-11-16T15:00:00Z", "2026-11-16T13:00:00Z", null),
                // rep-a: breached, still open
                clock("decision", "rep-a", team1, "2026-11-16T09:00:00Z", "2026-11-17T09:00:00Z", "breached", null,
                        "2026-11-17T09:00:00Z", null),
                // rep-a: breached, then cancelled: still a breach
                clock("decision", "rep-a", team1, "2026-11-16T09:00:00Z", "2026-11-17T09:00:00Z", "cancelled", null,
                        "2026-11-17T09:00:00Z", "2026-11-17T12:00:00Z"),
                // rep-b: cancelled before the deadline
                clock("first_touch", "rep-b", team1, "2026-11-16T09:00:00Z", "2026-11-16T13:00:00Z", "cancelled", null,
                        null, "2026-11-16T10:00:00Z"),
                // rep-b: still running
                clock("first_touch", "rep-b", team1, "2026-11-20T09:00:00Z", "2026-11-20T13:00:00Z", "running", null,
                        null, null),
                // rep-b: on time (wall 18 h; business Mon 16:00–17:00 + Tue 09:00–10:00 Berlin = 2 h)
                clock("decision", "rep-b", team1, "2026-11-16T15:00:00Z", "2026-11-17T15:00:00Z", "met",
                        "2026-11-17T09:00:00Z", null, null),
                // rep-c: on time (wall and business 15 min)
                clock("first_touch", "rep-c", team2, "2026-11-18T08:00:00Z", "2026-11-18T12:00:00Z", "met",
                        "2026-11-18T08:15:00Z", null, null),
                // due exactly at the end of the window: not in it
                clock("first_touch", "rep-c", team2, "2026-11-22T20:00:00Z", "2026-11-23T00:00:00Z", "met",
                        "2026-11-22T21:00:00Z", null, null),
                // no owner: breached
                clock("first_touch", null, team2, "2026-11-19T08:00:00Z", "2026-11-19T12:00:00Z", "breached", null,
                        "2026-11-19T12:00:00Z", null));
        for (Map<String, Object> c : clocks) {
            // One lead per clock: a lead has at most one live clock per milestone.
            UUID lead = data.lead("2026-11-16T08:00:00Z", null, null, "icp-x", 1, "A");
            data.insertClock(lead, policy, policyKey, calendar, c);
        }
    }

    @Test
    void groupsByOwnerWithOutcomesComplianceAndTimeToMet() {
        as(Api.newKey("viewer")).queryParam("from", FROM).queryParam("to", TO).queryParam("source", data.source)
                .queryParam("groupBy", "ownerId").get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("from", equalTo(FROM)).body("to", equalTo(TO)).body("groupBy", equalTo("ownerId"))
                .body("groups.key", equalTo(java.util.Arrays.asList("rep-a", "rep-b", "rep-c", null)))
                // rep-a: 1 on time, 1 late, 2 breached: 1 ÷ 4 = 25.0 %
                .body("groups[0].clocks", equalTo(4)).body("groups[0].metOnTime", equalTo(1))
                .body("groups[0].metLate", equalTo(1)).body("groups[0].breached", equalTo(2))
                .body("groups[0].cancelled", equalTo(0)).body("groups[0].running", equalTo(0))
                .body("groups[0].compliance", equalTo(25.0f))
                // met in 30 min and 6 h: median (1800 + 21600) ÷ 2 = 11700 s; p90 1800 + 0.9 × 19800 = 19620 s
                .body("groups[0].timeToMet.wall.median", equalTo("PT3H15M"))
                .body("groups[0].timeToMet.wall.p90", equalTo("PT5H27M"))
                .body("groups[0].timeToMet.business.median", equalTo("PT3H15M"))
                // rep-b: 1 on time, 1 cancelled, 1 running: 1 ÷ 1 = 100.0 %; 18 h wall, 2 h business
                .body("groups[1].clocks", equalTo(3)).body("groups[1].cancelled", equalTo(1))
                .body("groups[1].running", equalTo(1)).body("groups[1].compliance", equalTo(100.0f))
                .body("groups[1].timeToMet.wall.median", equalTo("PT18H"))
                .body("groups[1].timeToMet.business.median", equalTo("PT2H"))
                .body("groups[1].timeToMet.business.p90", equalTo("PT2H"))
                .body("groups[2].clocks", equalTo(1)).body("groups[2].timeToMet.wall.median", equalTo("PT15M"))
                // no owner: 1 breached: 0 ÷ 1
                .body("groups[3].breached", equalTo(1)).body("groups[3].compliance", equalTo(0.0f))
                .body("groups[3].timeToMet.wall.median", equalTo(null))
                // total: 3 on time, 1 late, 3 breached, 1 cancelled, 1 running = 9; 3 ÷ 7 = 42.857… → 42.9
                .body("total.key", equalTo(null)).body("total.clocks", equalTo(9))
                .body("total.metOnTime", equalTo(3)).body("total.metLate", equalTo(1)).body("total.breached", equalTo(3))
                .body("total.cancelled", equalTo(1)).body("total.running", equalTo(1))
                .body("total.compliance", equalTo(42.9f))
                // wall [900, 1800, 21600, 64800]: median 11700 s; p90 at 2.7: 21600 + 0.7 × 43200 = 51840 s
                .body("total.timeToMet.wall.median", equalTo("PT3H15M"))
                .body("total.timeToMet.wall.p90", equalTo("PT14H24M"))
                // business [900, 1800, 7200, 21600]: median 4500 s; p90 7200 + 0.7 × 14400 = 17280 s
                .body("total.timeToMet.business.median", equalTo("PT1H15M"))
                .body("total.timeToMet.business.p90", equalTo("PT4H48M"));
    }

    @Test
    void groupsByMilestoneAndFiltersByTeam() {
        admin().queryParam("from", FROM).queryParam("to", TO).queryParam("source", data.source)
                .queryParam("groupBy", "milestone").get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("groups.key", equalTo(List.of("decision", "first_touch")))
                // decision: rep-a breached ×2, rep-b on time: 1 ÷ 3
                .body("groups[0].clocks", equalTo(3)).body("groups[0].compliance", equalTo(33.3f))
                // first_touch: on time 2, late 1, breached 1, cancelled 1, running 1: 2 ÷ 4
                .body("groups[1].clocks", equalTo(6)).body("groups[1].compliance", equalTo(50.0f));
        admin().queryParam("from", FROM).queryParam("to", TO).queryParam("source", data.source)
                .queryParam("teamKey", team2).get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("groupBy", equalTo(null))
                .body("groups.size()", equalTo(1))
                .body("total.clocks", equalTo(2)).body("total.metOnTime", equalTo(1)).body("total.breached", equalTo(1))
                .body("total.compliance", equalTo(50.0f));
        admin().queryParam("from", FROM).queryParam("to", TO).queryParam("source", data.source)
                .queryParam("groupBy", "icpKey").queryParam("policyKey", "no-such-policy")
                .get("/api/v1/reports/sla-compliance").then().statusCode(200)
                .body("groups.size()", equalTo(0)).body("total.clocks", equalTo(0))
                .body("total.compliance", equalTo(null));
    }

    @Test
    void answersCsv() {
        String csv = admin().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .queryParam("source", data.source).queryParam("groupBy", "teamKey").get("/api/v1/reports/sla-compliance")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"sla-compliance.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("scope,group_by,key,clocks,met_on_time,met_late,breached,cancelled,running,compliance_percent,"
                + "business_time_to_met_median_seconds,business_time_to_met_p90_seconds,wall_time_to_met_median_seconds,"
                + "wall_time_to_met_p90_seconds,paused_clocks,pauses,paused_business_seconds", lines[0]);
        // team1 (rep-a, rep-b): 7 clocks, on time 2, late 1, breached 2, cancelled 1, running 1: 2 ÷ 5 = 40.0;
        // business [1800, 7200, 21600]: median 7200, p90 7200 + 0.8 × 14400 = 18720;
        // wall [1800, 21600, 64800]: median 21600, p90 21600 + 0.8 × 43200 = 56160
        List<String> rows = List.of(lines);
        assertEquals(true, rows.contains("group,teamKey," + team1 + ",7,2,1,2,1,1,40.0,7200,18720,21600,56160,0,0,0"), csv);
        assertEquals(true, rows.contains("group,teamKey," + team2 + ",2,1,0,1,0,0,50.0,900,900,900,900,0,0,0"), csv);
        assertEquals(4, lines.length);
        assertEquals("total,teamKey,,9,3,1,3,1,1,42.9,4500,17280,11700,51840,0,0,0", lines[3]);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        admin().queryParam("to", TO).get("/api/v1/reports/sla-compliance").then().statusCode(400)
                .body("type", equalTo("urn:accord:problem:invalid-parameter")).body("errors[0].field", equalTo("from"));
        admin().queryParam("from", "yesterday").queryParam("to", TO).get("/api/v1/reports/sla-compliance").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        admin().queryParam("from", TO).queryParam("to", FROM).get("/api/v1/reports/sla-compliance").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        admin().queryParam("from", FROM).queryParam("to", TO).queryParam("groupBy", "colour")
                .get("/api/v1/reports/sla-compliance").then().statusCode(400).body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", equalTo("must be one of: ownerId, teamKey, tier, icpKey, policyKey, source, "
                        + "milestone"));
        admin().queryParam("from", FROM).queryParam("to", TO).queryParam("groupBy", "owner_id; drop table leads")
                .get("/api/v1/reports/sla-compliance").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        admin().accept("application/xml").queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/sla-compliance").then().statusCode(406);
        Api.anonymous().queryParam("from", FROM).queryParam("to", TO).get("/api/v1/reports/sla-compliance").then()
                .statusCode(401);
    }
}
