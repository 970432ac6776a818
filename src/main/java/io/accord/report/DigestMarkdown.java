package io.accord.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link WeeklyDigest} as Markdown (CommonMark with GitHub tables) that reads well pasted into an email or
 * a chat: a heading per side, short sentences for the headline figures, tables for the detail. Values that come from
 * users (keys, names, owner ids) are escaped so they cannot break a table or inject markup. Times are shown in the
 * digest's zone. Pure; no framework types.
 */
public final class DigestMarkdown {

    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private DigestMarkdown() {
    }

    public static String render(WeeklyDigest d) {
        ZoneId zone = ZoneId.of(d.zone());
        StringBuilder md = new StringBuilder();
        LocalDate first = d.from().atZone(zone).toLocalDate();
        LocalDate last = d.to().minusNanos(1).atZone(zone).toLocalDate();
        md.append("# Weekly alignment digest — ").append(d.week()).append("\n\n");
        md.append(DAY_YEAR.format(first)).append(" to ").append(DAY_YEAR.format(last)).append(" (").append(d.zone())
                .append("). Generated ").append(TIME.format(d.generatedAt().atZone(zone))).append(".\n\n");

        sales(md, d, zone);
        marketing(md, d, zone);
        funnel(md, d.funnel());
        reasons(md, d.topRejectionReasons());
        changes(md, d.changes());
        return md.toString();
    }

    private static void sales(StringBuilder md, WeeklyDigest d, ZoneId zone) {
        SlaComplianceReport.Group c = d.sales().compliance();
        md.append("## Sales: follow-up SLA\n\n");
        if (c.clocks() == 0) {
            md.append("No SLA deadlines fell in this week.\n\n");
        } else {
            md.append("**").append(percent(c.compliance())).append("** of deadlines met on time");
            WeeklyDigest.Change change = find(d.changes(), "sla_compliance");
            if (change != null && change.previous() != null) {
                md.append(" (previous week ").append(percent(change.previous())).append(", ")
                        .append(signed(change.change())).append(" pts)");
            }
            md.append(".\n");
            md.append(c.clocks()).append(" deadlines: ").append(c.metOnTime()).append(" met on time, ").append(c.metLate())
                    .append(" met late, ").append(c.breached()).append(" breached, ").append(c.cancelled())
                    .append(" cancelled, ").append(c.running()).append(" still running.\n");
            Percentiles wall = c.timeToMet().wall();
            Percentiles business = c.timeToMet().business();
            if (wall.median() != null) {
                md.append("Time to meet a deadline: median ").append(human(wall.median()));
                if (business.median() != null) {
                    md.append(" (").append(human(business.median())).append(" in business hours)");
                }
                md.append(", 90th percentile ").append(human(wall.p90()));
                if (business.p90() != null) {
                    md.append(" (").append(human(business.p90())).append(" in business hours)");
                }
                md.append(".\n");
            }
            md.append('\n');
            if (!d.sales().byTeam().isEmpty()) {
                md.append("| Team | Deadlines | On time | Late | Breached | Compliance |\n");
                md.append("|---|--:|--:|--:|--:|--:|\n");
                for (SlaComplianceReport.Group g : d.sales().byTeam()) {
                    md.append("| ").append(g.key() == null ? "(no team)" : text(g.key())).append(" | ").append(g.clocks())
                            .append(" | ").append(g.metOnTime()).append(" | ").append(g.metLate()).append(" | ")
                            .append(g.breached()).append(" | ").append(percent(g.compliance())).append(" |\n");
                }
                md.append('\n');
            }
        }
        md.append("### Worst breaches\n\n");
        if (d.sales().worstBreaches().isEmpty()) {
            md.append("No breaches this week.\n\n");
            return;
        }
        md.append("| Lead | Owner | Team | Milestone | Due | Overdue |\n");
        md.append("|---|---|---|---|---|--:|\n");
        for (WeeklyDigest.Breach b : d.sales().worstBreaches()) {
            md.append("| ").append(b.companyName() == null ? text(b.leadId().toString()) : text(b.companyName()))
                    .append(" | ").append(orDash(b.ownerId())).append(" | ").append(orDash(b.teamKey())).append(" | ")
                    .append(text(b.milestone())).append(" | ").append(TIME.format(b.dueAt().atZone(zone))).append(" | ")
                    .append(human(b.overdue())).append(b.metAt() == null ? ", still open" : "").append(" |\n");
        }
        md.append('\n');
    }

    private static void marketing(StringBuilder md, WeeklyDigest d, ZoneId zone) {
        WeeklyDigest.Marketing m = d.marketing();
        md.append("## Marketing: lead commitments\n\n");
        md.append(m.handedOff()).append(m.handedOff() == 1 ? " lead" : " leads").append(" handed off to sales, ")
                .append(m.accepted()).append(" accepted by sales.\n\n");
        if (m.commitments().isEmpty()) {
            md.append("No commitments.\n\n");
            return;
        }
        md.append("| Commitment | Period | Target | Actual | Attainment | Projected | Status |\n");
        md.append("|---|---|--:|--:|--:|--:|---|\n");
        for (WeeklyDigest.CommitmentLine c : m.commitments()) {
            LocalDate start = c.start().atZone(zone).toLocalDate();
            LocalDate end = c.end().minusNanos(1).atZone(zone).toLocalDate();
            md.append("| ").append(text(c.name())).append(" (").append(text(c.key())).append(") | ")
                    .append(SHORT.format(start)).append(" – ").append(SHORT.format(end)).append(" | ").append(c.target())
                    .append(" | ").append(c.actual()).append(" | ").append(percent(c.attainment())).append(" | ")
                    .append(c.projected()).append(" | ").append(status(c.status())).append(" |\n");
        }
        md.append('\n');
    }

    private static void funnel(StringBuilder md, FunnelReport.Group f) {
        md.append("## Funnel of the week's new leads\n\n");
        if (f.leads() == 0) {
            md.append("No leads were created this week.\n\n");
            return;
        }
        md.append("| Stage | Reached | In stage now |\n");
        md.append("|---|--:|--:|\n");
        for (FunnelReport.Stage s : f.stages()) {
            md.append("| ").append(s.stage()).append(" | ").append(s.reached()).append(" | ").append(s.current()).append(" |\n");
        }
        md.append("\nConversion: ");
        List<FunnelReport.Conversion> conversions = f.conversions();
        for (int i = 0; i < conversions.size(); i++) {
            FunnelReport.Conversion c = conversions.get(i);
            md.append(i == 0 ? "" : ", ").append(c.from()).append(" → ").append(c.to()).append(' ').append(percent(c.rate()));
        }
        md.append(".\n\n");
    }

    private static void reasons(StringBuilder md, List<WeeklyDigest.ReasonCount> reasons) {
        md.append("## Top rejection reasons\n\n");
        if (reasons.isEmpty()) {
            md.append("Sales rejected no leads this week.\n\n");
            return;
        }
        md.append("| Reason | This week | Previous week |\n");
        md.append("|---|--:|--:|\n");
        for (WeeklyDigest.ReasonCount r : reasons) {
            md.append("| ").append(text(r.reason())).append(" | ").append(r.count()).append(" | ").append(r.previous())
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void changes(StringBuilder md, List<WeeklyDigest.Change> changes) {
        md.append("## Change from the previous week\n\n");
        md.append("| Figure | This week | Previous week | Change |\n");
        md.append("|---|--:|--:|--:|\n");
        for (WeeklyDigest.Change c : changes) {
            md.append("| ").append(text(c.label())).append(" | ").append(value(c.unit(), c.current())).append(" | ")
                    .append(value(c.unit(), c.previous())).append(" | ").append(delta(c.unit(), c.change())).append(" |\n");
        }
    }

    private static WeeklyDigest.Change find(List<WeeklyDigest.Change> changes, String metric) {
        return changes.stream().filter(c -> c.metric().equals(metric)).findFirst().orElse(null);
    }

    private static String status(String status) {
        return switch (status) {
            case "met" -> "✅ met";
            case "missed" -> "❌ missed";
            default -> "open";
        };
    }

    private static String value(String unit, BigDecimal v) {
        if (v == null) {
            return "–";
        }
        return switch (unit) {
            case "percent" -> percent(v);
            case "minutes" -> human(Duration.ofSeconds(v.multiply(BigDecimal.valueOf(60)).longValue()));
            default -> v.toPlainString();
        };
    }

    private static String delta(String unit, BigDecimal v) {
        if (v == null) {
            return "–";
        }
        return switch (unit) {
            case "percent" -> signed(v) + " pts";
            case "minutes" -> (v.signum() < 0 ? "-" : "+")
                    + human(Duration.ofSeconds(v.abs().multiply(BigDecimal.valueOf(60)).longValue()));
            default -> signed(v);
        };
    }

    static String percent(BigDecimal v) {
        return v == null ? "–" : v.toPlainString() + " %";
    }

    static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    /** A duration for people: "45 s", "38 min", "3 h 10 min", "2 d 4 h". */
    static String human(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        long minutes = s / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long m = minutes % 60;
            return hours + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long h = hours % 24;
        return hours / 24 + " d" + (h == 0 ? "" : " " + h + " h");
    }

    private static String orDash(String value) {
        return value == null ? "–" : text(value);
    }

    /** Escapes text for a Markdown table cell or sentence. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\', '|', '*', '_', '`', '[', ']', '<', '>', '#', '~', '!' -> out.append('\\').append(ch);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
