package io.accord.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hand-built report models for the formatting tests. */
final class ReportFixtures {

    static final Instant FROM = Instant.parse("2026-11-15T23:00:00Z");
    static final Instant TO = Instant.parse("2026-11-22T23:00:00Z");

    private ReportFixtures() {
    }

    static SlaComplianceReport.Group sla(String key, long onTime, long late, long breached, long cancelled, long running,
            String compliance, Duration medianWall, Duration p90Wall, Duration medianBusiness, Duration p90Business) {
        return new SlaComplianceReport.Group(key, onTime + late + breached + cancelled + running, onTime, late, breached,
                cancelled, running, compliance == null ? null : new BigDecimal(compliance),
                new SlaComplianceReport.TimeToMet(new Percentiles(medianBusiness, p90Business),
                        new Percentiles(medianWall, p90Wall)),
                new SlaComplianceReport.Holds(0, 0, Duration.ZERO));
    }

    static FunnelReport.Group funnel(String key, long[] current, long[] reached, List<FunnelReport.Reason> reasons) {
        List<FunnelReport.Stage> stages = new ArrayList<>();
        for (int i = 0; i < FunnelReport.STAGES.size(); i++) {
            stages.add(new FunnelReport.Stage(FunnelReport.STAGES.get(i), current[i], reached[i]));
        }
        List<FunnelReport.Conversion> conversions = new ArrayList<>();
        for (List<String> c : FunnelReport.CONVERSIONS) {
            long a = reached[FunnelReport.STAGES.indexOf(c.get(0))];
            long b = reached[FunnelReport.STAGES.indexOf(c.get(1))];
            conversions.add(new FunnelReport.Conversion(c.get(0), c.get(1), a == 0 ? null
                    : BigDecimal.valueOf(b * 100).divide(BigDecimal.valueOf(a), 1, java.math.RoundingMode.HALF_UP)));
        }
        return new FunnelReport.Group(key, reached[0], stages, conversions, reasons);
    }

    static WeeklyDigest digest() {
        SlaComplianceReport.Group total = sla(null, 104, 9, 4, 2, 1, "89.7", Duration.ofMinutes(42),
                Duration.ofMinutes(190), Duration.ofMinutes(30), Duration.ofMinutes(120));
        List<SlaComplianceReport.Group> byTeam = List.of(
                sla("emea-sales", 80, 5, 1, 2, 1, "93.0", null, null, null, null),
                sla("us|sales", 24, 4, 3, 0, 0, "77.4", null, null, null, null));
        List<WeeklyDigest.Breach> breaches = List.of(
                new WeeklyDigest.Breach(UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
                        UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "Acme *GmbH*", "rep-42", "emea-sales",
                        "first_touch", "tier-a", Instant.parse("2026-11-18T10:00:00Z"), null, Duration.ofHours(26)),
                new WeeklyDigest.Breach(UUID.fromString("00000000-0000-0000-0000-0000000000c2"),
                        UUID.fromString("00000000-0000-0000-0000-0000000000a2"), null, null, "us|sales", "decision",
                        "tier-a", Instant.parse("2026-11-20T15:30:00Z"), Instant.parse("2026-11-20T18:45:00Z"),
                        Duration.ofMinutes(195)));
        WeeklyDigest.Marketing marketing = new WeeklyDigest.Marketing(130, 97, List.of(
                new WeeklyDigest.CommitmentLine("emea-b-weekly", "EMEA tier B+", "emea-marketing", "handed_off", FROM, TO,
                        120, 97, new BigDecimal("80.8"), 97, "missed"),
                new WeeklyDigest.CommitmentLine("q4-accepted", "Q4 accepted", "emea-marketing", "accepted",
                        Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-12-31T23:00:00Z"), 1000, 640,
                        new BigDecimal("64.0"), 1013, "open")));
        FunnelReport.Group funnel = funnel(null, new long[] {20, 15, 31, 10, 3, 2, 12, 7},
                new long[] {100, 80, 60, 15, 3, 2, 12, 7},
                List.of(new FunnelReport.Reason("not_icp_fit", 8), new FunnelReport.Reason("no_budget", 4)));
        List<WeeklyDigest.ReasonCount> reasons = List.of(new WeeklyDigest.ReasonCount("not_icp_fit", 8, 3),
                new WeeklyDigest.ReasonCount("no_budget", 4, 5));
        List<WeeklyDigest.Change> changes = List.of(
                WeeklyDigest.Change.of("sla_compliance", "SLA compliance", "percent", new BigDecimal("89.7"),
                        new BigDecimal("86.2")),
                WeeklyDigest.Change.of("clocks_breached", "Deadlines breached", "count", BigDecimal.valueOf(4),
                        BigDecimal.valueOf(6)),
                WeeklyDigest.Change.of("handed_off", "Leads handed off", "count", BigDecimal.valueOf(130),
                        BigDecimal.valueOf(118)),
                WeeklyDigest.Change.of("speed_to_lead_median", "Speed to lead (median)", "minutes",
                        new BigDecimal("38.0"), new BigDecimal("45.5")),
                WeeklyDigest.Change.of("won", "Leads won", "count", BigDecimal.valueOf(3), null));
        return new WeeklyDigest("2026-W47", "Europe/Berlin", FROM, TO, Instant.parse("2026-11-23T07:00:00Z"),
                new WeeklyDigest.Sales(total, byTeam, breaches), marketing, funnel, reasons, changes);
    }
}
