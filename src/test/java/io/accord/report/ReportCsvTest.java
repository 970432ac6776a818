package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void slaComplianceHasOneRowPerGroupAndATotal() {
        SlaComplianceReport report = new SlaComplianceReport(ReportFixtures.FROM, ReportFixtures.TO, "teamKey",
                List.of(ReportFixtures.sla("emea", 3, 1, 1, 0, 0, "60.0", Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofMinutes(20), Duration.ofMinutes(90)),
                        ReportFixtures.sla(null, 0, 0, 0, 1, 0, null, null, null, null, null)),
                ReportFixtures.sla(null, 3, 1, 1, 1, 0, "60.0", Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofMinutes(20), Duration.ofMinutes(90)));
        assertEquals("scope,group_by,key,clocks,met_on_time,met_late,breached,cancelled,running,compliance_percent,"
                + "business_time_to_met_median_seconds,business_time_to_met_p90_seconds,wall_time_to_met_median_seconds,"
                + "wall_time_to_met_p90_seconds,paused_clocks,pauses,paused_business_seconds\r\n"
                + "group,teamKey,emea,5,3,1,1,0,0,60.0,1200,5400,1800,7200,0,0,0\r\n"
                + "group,teamKey,,1,0,0,0,1,0,,,,,,0,0,0\r\n"
                + "total,teamKey,,6,3,1,1,1,0,60.0,1200,5400,1800,7200,0,0,0\r\n", ReportCsv.slaCompliance(report));
    }

    @Test
    void speedToLeadGivesSecondsAndTheShareWithinAnHour() {
        SpeedToLeadReport.Group g = new SpeedToLeadReport.Group("rep-1", 4, 3, Duration.ofMinutes(40),
                Duration.ofMinutes(100), Duration.ofMinutes(118), 2, new BigDecimal("50.0"));
        SpeedToLeadReport report = new SpeedToLeadReport(ReportFixtures.FROM, ReportFixtures.TO, "ownerId", List.of(g), g);
        assertEquals("scope,group_by,key,handed_off,touched,median_seconds,p90_seconds,p99_seconds,within_one_hour,"
                + "within_one_hour_percent\r\n"
                + "group,ownerId,rep-1,4,3,2400,6000,7080,2,50.0\r\n"
                + "total,ownerId,rep-1,4,3,2400,6000,7080,2,50.0\r\n", ReportCsv.speedToLead(report));
    }

    @Test
    void funnelIsOneWideRowPerGroup() {
        FunnelReport.Group g = ReportFixtures.digest().funnel();
        String csv = ReportCsv.funnel(new FunnelReport(ReportFixtures.FROM, ReportFixtures.TO, null, List.of(g), g));
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertEquals("scope,group_by,key,leads,new_current,new_reached,mql_current,mql_reached,accepted_current,"
                + "accepted_reached,qualified_current,qualified_reached,won_current,won_reached,lost_current,lost_reached,"
                + "rejected_current,rejected_reached,recycled_current,recycled_reached,new_to_mql_percent,"
                + "mql_to_accepted_percent,accepted_to_qualified_percent,qualified_to_won_percent,mql_to_won_percent,"
                + "rejected_not_icp_fit,rejected_bad_contact_data,rejected_duplicate,rejected_no_budget,"
                + "rejected_no_authority,rejected_competitor,rejected_other", lines[0]);
        assertEquals("group,,,100,20,100,15,80,31,60,10,15,3,3,2,2,12,12,7,7,80.0,75.0,25.0,20.0,3.8,8,0,0,4,0,0,0",
                lines[1]);
        assertTrue(lines[2].startsWith("total,"));
    }

    @Test
    void fitVsOutcomeIsOneRowPerVersionAndTier() {
        FitVsOutcomeReport report = new FitVsOutcomeReport(ReportFixtures.FROM, ReportFixtures.TO, List.of(
                new FitVsOutcomeReport.Row("saas", 2, "A", 10, 8, new BigDecimal("80.0"), 5, new BigDecimal("50.0"), 2,
                        new BigDecimal("20.0"), 1, new BigDecimal("10.0")),
                new FitVsOutcomeReport.Row(null, null, null, 0, 0, null, 0, null, 0, null, 0, null)));
        assertEquals("icp_key,icp_version,tier,leads,accepted,accepted_percent,qualified,qualified_percent,won,won_percent,"
                + "rejected,rejected_percent\r\n"
                + "saas,2,A,10,8,80.0,5,50.0,2,20.0,1,10.0\r\n"
                + ",,,0,0,,0,,0,,0,\r\n", ReportCsv.fitVsOutcome(report));
    }

    @Test
    void digestIsLongFormatSectionItemMetricValue() {
        String csv = ReportCsv.weeklyDigest(ReportFixtures.digest());
        assertTrue(csv.startsWith("section,item,metric,value\r\ndigest,2026-W47,from,2026-11-15T23:00:00Z\r\n"), csv);
        assertTrue(csv.contains("\r\nsla,total,compliance_percent,89.7\r\n"), csv);
        assertTrue(csv.contains("\r\nsla_by_team,us|sales,breached,3\r\n"), csv);
        assertTrue(csv.contains("\r\nworst_breaches,00000000-0000-0000-0000-0000000000c1,overdue_seconds,93600\r\n"), csv);
        assertTrue(csv.contains("\r\ncommitments,emea-b-weekly,attainment_percent,80.8\r\n"), csv);
        assertTrue(csv.contains("\r\nfunnel_conversions,mql_to_accepted,percent,75.0\r\n"), csv);
        assertTrue(csv.contains("\r\nrejection_reasons,no_budget,previous_week,5\r\n"), csv);
        assertTrue(csv.contains("\r\nchanges,won,previous,\r\n"), csv);
        assertTrue(csv.endsWith("changes,won,change,\r\n"), csv);
    }
}
