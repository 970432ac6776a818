package io.accord.report;

import static io.accord.report.ReportData.clock;
import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly digest of 2031-W10 in Berlin (Monday 2031-03-03 00:00 CET = 2031-03-02T23:00Z to 2031-03-09T23:00Z), a
 * week no other test writes to, read on the following Monday. Every figure is worked out by hand below.
 */
@QuarkusTest
class WeeklyDigestTest {

    @Inject
    Pool pool;

    /** The week's data is written once for all tests of the class (the digest reads the whole week). */
    static ReportData data;
    static String team1;
    static String team2;
    static String weekly;
    static String monthly;
    static final List<String> commitments = new ArrayList<>();

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @AfterAll
    static void deleteCommitments() {
        data.sql("delete from commitments where key = any($1)", (Object) commitments.toArray(new String[0]));
    }

    @BeforeEach
    void knownWeek() {
        TestClock.INSTANCE.setTo(Instant.parse("2031-03-10T08:00:00Z")); // Monday 09:00 Berlin, the week after
        if (data == null) {
            writeWeek();
        }
    }

    private void writeWeek() {
        data = new ReportData(pool);
        String calendar = Fixtures.berlinNineToFive();
        String policyKey = Api.slug("pol");
        UUID policy = data.policy(policyKey, calendar);
        List<String> teams = new ArrayList<>(List.of(ReportData.team(), ReportData.team()));
        teams.sort(null);
        team1 = teams.get(0);
        team2 = teams.get(1);
        // Deadlines of the week: team1 on time (20 min), breached and open, met late (3 h); team2 on time (1 h).
        // 2 on time ÷ (2 + 1 late + 1 breached) = 50.0 %.
        List<Map<String, Object>> week = List.of(
                clock("first_touch", "rep-1", team1, "2031-03-03T09:00:00Z", "2031-03-03T13:00:00Z", "met",
                        "2031-03-03T09:20:00Z", null, null),
                clock("first_touch", "rep-1", team1, "2031-03-05T09:00:00Z", "2031-03-05T10:00:00Z", "breached", null,
                        "2031-03-05T10:00:00Z", null),
                clock("decision", "rep-1", team1, "2031-03-03T10:00:00Z", "2031-03-04T10:00:00Z", "met",
                        "2031-03-04T13:00:00Z", "2031-03-04T10:00:00Z", null),
                clock("first_touch", "rep-2", team2, "2031-03-06T09:00:00Z", "2031-03-06T13:00:00Z", "met",
                        "2031-03-06T10:00:00Z", null, null),
                // The week before: 2 on time, 1 breached: 66.7 %.
                clock("first_touch", "rep-1", team1, "2031-02-24T09:00:00Z", "2031-02-24T13:00:00Z", "met",
                        "2031-02-24T09:30:00Z", null, null),
                clock("first_touch", "rep-1", team1, "2031-02-25T09:00:00Z", "2031-02-25T13:00:00Z", "met",
                        "2031-02-25T09:30:00Z", null, null),
                clock("first_touch", "rep-2", team2, "2031-02-26T09:00:00Z", "2031-02-26T13:00:00Z", "breached", null,
                        "2031-02-26T13:00:00Z", null));
        for (Map<String, Object> c : week) {
            UUID lead = data.lead("2031-01-06T08:00:00Z", null, null, null, null, null);
            data.insertClock(lead, policy, policyKey, calendar, c);
        }

        String icp = Api.slug("digest");
        admin().body(Map.of("key", icp, "name", "Digest " + icp)).post("/api/v1/icps").then().statusCode(201);
        admin().body(Map.of("criteria", List.of(Map.of("attribute", "company.industry", "operator", "in", "weight", 100,
                        "required", false, "values", List.of("saas"))),
                "tiers", List.of(Map.of("label", "A", "minScore", 50), Map.of("label", "B", "minScore", 0))))
                .post("/api/v1/icps/" + icp + "/versions").then().statusCode(201);

        // The week before: three hand-offs (two touched after 60 min), one rejection.
        UUID p1 = data.lead("2031-02-24T08:00:00Z", null, null, icp, 1, "A");
        data.handOff(p1, "2031-02-24T10:00:00Z");
        data.touch(p1, "2031-02-24T11:00:00Z");
        data.reject(p1, "not_icp_fit", "2031-02-25T10:00:00Z");
        UUID p2 = data.lead("2031-02-24T08:00:00Z", null, null, icp, 1, "A");
        data.handOff(p2, "2031-02-25T10:00:00Z");
        UUID h4 = data.lead("2031-02-26T08:00:00Z", null, null, icp, 1, "B");
        data.handOff(h4, "2031-02-26T09:00:00Z");
        data.touch(h4, "2031-02-26T10:00:00Z");
        data.reject(h4, "not_icp_fit", "2031-03-04T10:00:00Z"); // rejected in the week
        // The week: three hand-offs (touched after 10 and 30 min, one untouched), one accepted and won, two rejected.
        UUID h1 = data.lead("2031-03-03T08:00:00Z", null, null, icp, 1, "A");
        data.handOff(h1, "2031-03-03T09:00:00Z");
        data.touch(h1, "2031-03-03T09:10:00Z");
        data.move(h1, "accepted", "2031-03-03T12:00:00Z");
        data.move(h1, "qualified", "2031-03-04T12:00:00Z");
        data.move(h1, "won", "2031-03-06T12:00:00Z");
        UUID h2 = data.lead("2031-03-03T08:00:00Z", null, null, icp, 1, "A");
        data.handOff(h2, "2031-03-03T10:00:00Z");
        data.touch(h2, "2031-03-03T10:30:00Z");
        data.reject(h2, "not_icp_fit", "2031-03-04T09:00:00Z");
        UUID h3 = data.lead("2031-03-04T08:00:00Z", null, null, icp, 1, "B");
        data.handOff(h3, "2031-03-04T09:00:00Z");
        data.reject(h3, "no_budget", "2031-03-05T09:00:00Z");
        data.lead("2031-03-05T08:00:00Z", null, null, icp, 1, "B"); // stays new

        String marketing = Api.slug("mkt");
        admin().body(Map.of("key", marketing, "name", "Marketing", "function", "marketing")).post("/api/v1/teams").then()
                .statusCode(201);
        weekly = commitment(marketing, calendar, icp, "week", "handed_off", 5, "2031-03-03");
        monthly = commitment(marketing, calendar, icp, "month", "accepted", 10, "2031-03-01");
    }

    private static String commitment(String team, String calendar, String icp, String period, String metric, int target,
            String startsOn) {
        String key = Api.slug(period);
        Map<String, Object> body = new HashMap<>(Map.of("key", key, "name", "Digest " + period, "teamKey", team,
                "period", period, "calendarKey", calendar, "metric", metric, "icpKey", icp, "target", target,
                "startsOn", startsOn));
        admin().body(body).post("/api/v1/commitments").then().statusCode(201);
        commitments.add(key);
        return key;
    }

    @Test
    void bothSidesOfTheWeekWithTheChangeFromTheWeekBefore() {
        JsonPath d = admin().queryParam("week", "2031-W10").queryParam("zone", "Europe/Berlin")
                .get("/api/v1/reports/weekly-digest").then().statusCode(200)
                .body("week", equalTo("2031-W10"))
                .body("from", equalTo("2031-03-02T23:00:00Z")).body("to", equalTo("2031-03-09T23:00:00Z"))
                .body("sales.compliance.clocks", equalTo(4)).body("sales.compliance.compliance", equalTo(50.0f))
                // wall times to met [1200, 3600, 10800]: median 1 h
                .body("sales.compliance.timeToMet.wall.median", equalTo("PT1H"))
                .body("sales.byTeam.key", equalTo(List.of(team1, team2)))
                .body("sales.byTeam.compliance", equalTo(List.of(33.3f, 100.0f)))
                // open breach: from its deadline (Wed 10:00Z) to the end of the week (Sun 23:00Z) = 109 h; late: 3 h
                .body("sales.worstBreaches.milestone", equalTo(List.of("first_touch", "decision")))
                .body("sales.worstBreaches.overdue", equalTo(List.of("PT109H", "PT3H")))
                .body("sales.worstBreaches[0].metAt", equalTo(null))
                .body("sales.worstBreaches[1].metAt", equalTo("2031-03-04T13:00:00Z"))
                .body("marketing.handedOff", equalTo(3)).body("marketing.accepted", equalTo(1))
                // the week's new leads: h1 (won), h2 and h3 (rejected), one new
                .body("funnel.leads", equalTo(4))
                .body("funnel.stages.current", equalTo(List.of(1, 0, 0, 0, 1, 0, 2, 0)))
                .body("funnel.stages.reached", equalTo(List.of(4, 3, 1, 1, 1, 0, 2, 0)))
                .body("funnel.conversions.rate", equalTo(List.of(75.0f, 33.3f, 100.0f, 100.0f, 33.3f)))
                .body("topRejectionReasons.reason", equalTo(List.of("not_icp_fit", "no_budget")))
                .body("topRejectionReasons.count", equalTo(List.of(2, 1)))
                .body("topRejectionReasons.previous", equalTo(List.of(1, 0)))
                .extract().jsonPath();

        Map<String, List<Float>> changes = new HashMap<>();
        for (Map<String, Object> c : d.<Map<String, Object>>getList("changes")) {
            changes.put((String) c.get("metric"), java.util.Arrays.asList(number(c.get("current")),
                    number(c.get("previous")), number(c.get("change"))));
        }
        assertEquals(List.of(50.0f, 66.7f, -16.7f), changes.get("sla_compliance"));
        assertEquals(List.of(1f, 1f, 0f), changes.get("clocks_breached"));
        assertEquals(List.of(3f, 3f, 0f), changes.get("handed_off"));
        assertEquals(List.of(1f, 0f, 1f), changes.get("accepted"));
        assertEquals(List.of(3f, 1f, 2f), changes.get("rejected"));
        assertEquals(List.of(1f, 0f, 1f), changes.get("won"));
        // median of 10 and 30 min against 60 and 60 min
        assertEquals(List.of(20.0f, 60.0f, -40.0f), changes.get("speed_to_lead_median"));

        List<Map<String, Object>> lines = d.getList("marketing.commitments");
        Map<String, Object> w = lines.stream().filter(l -> l.get("key").equals(weekly)).findFirst().orElseThrow();
        assertEquals("2031-03-02T23:00:00Z", w.get("start"));
        assertEquals(3, w.get("actual"));
        assertEquals(60.0f, number(w.get("attainment")));
        assertEquals("missed", w.get("status"));
        // March so far: 1 accepted in 40 of its 168 business hours (21 weekdays × 8 h): ⌊1 × 168 ÷ 40⌋ = 4
        Map<String, Object> m = lines.stream().filter(l -> l.get("key").equals(monthly)).findFirst().orElseThrow();
        assertEquals("2031-02-28T23:00:00Z", m.get("start"));
        assertEquals(1, m.get("actual"));
        assertEquals(10.0f, number(m.get("attainment")));
        assertEquals(4, m.get("projected"));
        assertEquals("open", m.get("status"));
    }

    @Test
    void markdownIsReadyToPaste() {
        String md = admin().accept("text/markdown").queryParam("zone", "Europe/Berlin")
                .get("/api/v1/reports/weekly-digest").then().statusCode(200)
                .contentType(startsWith("text/markdown")).extract().asString();
        assertTrue(md.startsWith("# Weekly alignment digest — 2031-W10\n\nMonday 3 March 2031 to Sunday 9 March 2031 "
                + "(Europe/Berlin). Generated Mon 10 Mar 09:00.\n"), md);
        assertTrue(md.contains("**50.0 %** of deadlines met on time (previous week 66.7 %, -16.7 pts).\n"), md);
        assertTrue(md.contains("4 deadlines: 2 met on time, 1 met late, 1 breached, 0 cancelled, 0 still running.\n"), md);
        assertTrue(md.contains("| " + team1 + " | 3 | 1 | 1 | 1 | 33.3 % |\n"), md);
        assertTrue(md.contains(" | rep-1 | " + team1 + " | first\\_touch | Wed 5 Mar 11:00 | 4 d 13 h, still open |\n"), md);
        assertTrue(md.contains("3 leads handed off to sales, 1 accepted by sales.\n"), md);
        assertTrue(md.contains("| Digest week (" + weekly + ") | 3 Mar 2031 – 9 Mar 2031 | 5 | 3 | 60.0 % | 3 | ❌ missed |\n"),
                md);
        assertTrue(md.contains("| Digest month (" + monthly + ") | 1 Mar 2031 – 31 Mar 2031 | 10 | 1 | 10.0 % | 4 | open |\n"),
                md);
        assertTrue(md.contains("| not\\_icp\\_fit | 2 | 1 |\n"), md);
        assertTrue(md.contains("| Speed to lead (median) | 20 min | 1 h | -40 min |\n"), md);
    }

    @Test
    void csvIsLongFormat() {
        String csv = admin().accept("text/csv").queryParam("week", "2031-W10").queryParam("zone", "Europe/Berlin")
                .get("/api/v1/reports/weekly-digest").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("weekly-digest-2031-W10.csv")).extract().asString();
        assertTrue(csv.startsWith("section,item,metric,value\r\ndigest,2031-W10,from,2031-03-02T23:00:00Z\r\n"), csv);
        assertTrue(csv.contains("\r\nsla,total,compliance_percent,50.0\r\n"), csv);
        assertTrue(csv.contains("\r\ncommitments," + weekly + ",attainment_percent,60.0\r\n"), csv);
        assertTrue(csv.contains("\r\nchanges,speed_to_lead_median,change,-40.0\r\n"), csv);
    }

    @Test
    void badWeeksAndZonesAre400() {
        admin().queryParam("week", "2031-10").get("/api/v1/reports/weekly-digest").then().statusCode(400)
                .body("errors[0].field", equalTo("week"));
        admin().queryParam("week", "2031-W53").get("/api/v1/reports/weekly-digest").then().statusCode(400)
                .body("errors[0].field", equalTo("week"));
        admin().queryParam("zone", "Mars/Olympus").get("/api/v1/reports/weekly-digest").then().statusCode(400)
                .body("errors[0].field", equalTo("zone"));
    }

    private static Float number(Object value) {
        return value == null ? null : ((Number) value).floatValue();
    }
}
