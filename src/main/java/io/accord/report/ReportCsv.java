package io.accord.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of each report: one row per group with a header row, then a {@code total} row. Durations are whole
 * seconds (columns named {@code …_seconds}), percentages plain numbers with one decimal. Pure; no framework types.
 */
public final class ReportCsv {

    /** The rejection reasons, in the order of their CSV columns. */
    static final List<String> REASONS = List.of("not_icp_fit", "bad_contact_data", "duplicate", "no_budget",
            "no_authority", "competitor", "other");

    private ReportCsv() {
    }

    public static String slaCompliance(SlaComplianceReport r) {
        CsvWriter csv = new CsvWriter().row("scope", "group_by", "key", "clocks", "met_on_time", "met_late", "breached",
                "cancelled", "running", "compliance_percent", "business_time_to_met_median_seconds",
                "business_time_to_met_p90_seconds", "wall_time_to_met_median_seconds", "wall_time_to_met_p90_seconds",
                "paused_clocks", "pauses", "paused_business_seconds");
        for (SlaComplianceReport.Group g : r.groups()) {
            csv.row(sla("group", r.groupBy(), g));
        }
        csv.row(sla("total", r.groupBy(), r.total()));
        return csv.toString();
    }

    private static List<Object> sla(String scope, String groupBy, SlaComplianceReport.Group g) {
        return java.util.Arrays.asList(scope, groupBy, g.key(), g.clocks(), g.metOnTime(), g.metLate(), g.breached(),
                g.cancelled(), g.running(), g.compliance(), g.timeToMet().business().median(),
                g.timeToMet().business().p90(), g.timeToMet().wall().median(), g.timeToMet().wall().p90(),
                g.holds().pausedClocks(), g.holds().pauses(), g.holds().pausedBusinessTime());
    }

    public static String speedToLead(SpeedToLeadReport r) {
        CsvWriter csv = new CsvWriter().row("scope", "group_by", "key", "handed_off", "touched", "median_seconds",
                "p90_seconds", "p99_seconds", "within_one_hour", "within_one_hour_percent");
        for (SpeedToLeadReport.Group g : r.groups()) {
            csv.row(speed("group", r.groupBy(), g));
        }
        csv.row(speed("total", r.groupBy(), r.total()));
        return csv.toString();
    }

    private static List<Object> speed(String scope, String groupBy, SpeedToLeadReport.Group g) {
        return java.util.Arrays.asList(scope, groupBy, g.key(), g.handedOff(), g.touched(), g.median(), g.p90(), g.p99(),
                g.withinOneHour(), g.withinOneHourShare());
    }

    public static String funnel(FunnelReport r) {
        List<Object> header = new ArrayList<>(List.of("scope", "group_by", "key", "leads"));
        for (String stage : FunnelReport.STAGES) {
            header.add(stage + "_current");
            header.add(stage + "_reached");
        }
        for (List<String> c : FunnelReport.CONVERSIONS) {
            header.add(c.get(0) + "_to_" + c.get(1) + "_percent");
        }
        for (String reason : REASONS) {
            header.add("rejected_" + reason);
        }
        CsvWriter csv = new CsvWriter().row(header);
        for (FunnelReport.Group g : r.groups()) {
            csv.row(funnel("group", r.groupBy(), g));
        }
        csv.row(funnel("total", r.groupBy(), r.total()));
        return csv.toString();
    }

    private static List<Object> funnel(String scope, String groupBy, FunnelReport.Group g) {
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(scope, groupBy, g.key(), g.leads()));
        for (String stage : FunnelReport.STAGES) {
            FunnelReport.Stage s = g.stages().stream().filter(x -> x.stage().equals(stage)).findFirst().orElseThrow();
            row.add(s.current());
            row.add(s.reached());
        }
        for (FunnelReport.Conversion c : g.conversions()) {
            row.add(c.rate());
        }
        for (String reason : REASONS) {
            row.add(g.rejectionReasons().stream().filter(x -> x.reason().equals(reason)).mapToLong(FunnelReport.Reason::count)
                    .sum());
        }
        return row;
    }

    public static String fitVsOutcome(FitVsOutcomeReport r) {
        CsvWriter csv = new CsvWriter().row("icp_key", "icp_version", "tier", "leads", "accepted", "accepted_percent",
                "qualified", "qualified_percent", "won", "won_percent", "rejected", "rejected_percent");
        for (FitVsOutcomeReport.Row x : r.rows()) {
            csv.row(x.icpKey(), x.icpVersion(), x.tier(), x.leads(), x.accepted(), x.acceptedRate(), x.qualified(),
                    x.qualifiedRate(), x.won(), x.wonRate(), x.rejected(), x.rejectedRate());
        }
        return csv.toString();
    }

    /** The digest as long-format CSV: section, item, metric, value. */
    public static String weeklyDigest(WeeklyDigest d) {
        CsvWriter csv = new CsvWriter().row("section", "item", "metric", "value");
        csv.row("digest", d.week(), "from", d.from()).row("digest", d.week(), "to", d.to())
                .row("digest", d.week(), "zone", d.zone());
        slaRows(csv, "sla", "total", d.sales().compliance());
        for (SlaComplianceReport.Group g : d.sales().byTeam()) {
            slaRows(csv, "sla_by_team", g.key(), g);
        }
        for (WeeklyDigest.Breach b : d.sales().worstBreaches()) {
            String item = b.clockId().toString();
            csv.row("worst_breaches", item, "lead_id", b.leadId()).row("worst_breaches", item, "company_name", b.companyName())
                    .row("worst_breaches", item, "owner_id", b.ownerId()).row("worst_breaches", item, "team_key", b.teamKey())
                    .row("worst_breaches", item, "milestone", b.milestone())
                    .row("worst_breaches", item, "due_at", b.dueAt())
                    .row("worst_breaches", item, "overdue_seconds", b.overdue());
        }
        csv.row("marketing", "total", "handed_off", d.marketing().handedOff())
                .row("marketing", "total", "accepted", d.marketing().accepted());
        for (WeeklyDigest.CommitmentLine c : d.marketing().commitments()) {
            csv.row("commitments", c.key(), "period_start", c.start()).row("commitments", c.key(), "period_end", c.end())
                    .row("commitments", c.key(), "target", c.target()).row("commitments", c.key(), "actual", c.actual())
                    .row("commitments", c.key(), "attainment_percent", c.attainment())
                    .row("commitments", c.key(), "projected", c.projected())
                    .row("commitments", c.key(), "status", c.status());
        }
        for (FunnelReport.Stage s : d.funnel().stages()) {
            csv.row("funnel", s.stage(), "reached", s.reached()).row("funnel", s.stage(), "current", s.current());
        }
        for (FunnelReport.Conversion c : d.funnel().conversions()) {
            csv.row("funnel_conversions", c.from() + "_to_" + c.to(), "percent", c.rate());
        }
        for (WeeklyDigest.ReasonCount r : d.topRejectionReasons()) {
            csv.row("rejection_reasons", r.reason(), "count", r.count())
                    .row("rejection_reasons", r.reason(), "previous_week", r.previous());
        }
        for (WeeklyDigest.Change c : d.changes()) {
            csv.row("changes", c.metric(), "current", c.current()).row("changes", c.metric(), "previous", c.previous())
                    .row("changes", c.metric(), "change", c.change());
        }
        return csv.toString();
    }

    private static void slaRows(CsvWriter csv, String section, String item, SlaComplianceReport.Group g) {
        csv.row(section, item, "clocks", g.clocks()).row(section, item, "met_on_time", g.metOnTime())
                .row(section, item, "met_late", g.metLate()).row(section, item, "breached", g.breached())
                .row(section, item, "cancelled", g.cancelled()).row(section, item, "running", g.running())
                .row(section, item, "compliance_percent", g.compliance());
    }
}
