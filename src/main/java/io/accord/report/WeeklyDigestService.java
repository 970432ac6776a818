package io.accord.report;

import io.accord.commitment.CommitmentService;
import io.accord.sla.ClockDurations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest: the SLA side (compliance, per team, worst breaches), the commitment side, the funnel of the
 * week's new leads, the top rejection reasons and the change from the week before. Each figure is one indexed
 * aggregate statement; all of them run in one read-only transaction, so they agree with each other.
 */
@ApplicationScoped
public class WeeklyDigestService {

    static final int TOP = 5;

    private final ReportService reports;
    private final ReportReader reader;
    private final ClockDurations durations;
    private final CommitmentService commitments;
    private final Clock clock;

    public WeeklyDigestService(ReportService reports, ReportReader reader, ClockDurations durations,
            CommitmentService commitments, Clock clock) {
        this.reports = reports;
        this.reader = reader;
        this.durations = durations;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** The lead-side figures of the week and the week before. */
    private record LeadFigures(long handedOff, long handedOffBefore, long accepted, long acceptedBefore, long rejected,
            long rejectedBefore, long won, long wonBefore, BigDecimal speedMinutes, BigDecimal speedMinutesBefore) {
    }

    private record Parts(SlaComplianceReport sla, SlaComplianceReport.Group slaBefore, List<WeeklyDigest.Breach> breaches,
            LeadFigures leads, FunnelReport.Group funnel, List<WeeklyDigest.ReasonCount> reasons) {
    }

    public Uni<WeeklyDigest> digest(IsoWeek week, ZoneId zone) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = week.start(zone);
        Instant to = week.end(zone);
        Instant before = week.before().start(zone);
        Instant asOf = now.isBefore(to) ? now : to;
        return durations.catchUp().onFailure().recoverWithItem(0)
                .chain(() -> reader.sequentially(List.of(conn -> parts(conn, from, to, before, asOf))))
                .map(results -> (Parts) results.get(0))
                .chain(parts -> commitments.periodsContaining(to.minusNanos(1000)).map(lines -> new WeeklyDigest(
                        week.toString(), zone.getId(), from, to, now,
                        new WeeklyDigest.Sales(parts.sla().total(), parts.sla().groups(), parts.breaches()),
                        new WeeklyDigest.Marketing(parts.leads().handedOff(), parts.leads().accepted(),
                                lines.stream().map(s -> new WeeklyDigest.CommitmentLine(s.commitment().key(),
                                        s.commitment().name(), s.commitment().teamKey(), s.commitment().metric(),
                                        s.period().start(), s.period().end(), s.period().target(), s.period().actual(),
                                        s.period().attainment(), s.period().projected(), s.period().status())).toList()),
                        parts.funnel(), parts.reasons(), changes(parts))));
    }

    private Uni<Parts> parts(SqlConnection conn, Instant from, Instant to, Instant before, Instant asOf) {
        ReportQuery week = new ReportQuery(from, to, Dimension.TEAM_KEY, Map.of(), Dimension.Subject.CLOCKS);
        ReportQuery previous = new ReportQuery(before, from, null, Map.of(), Dimension.Subject.CLOCKS);
        ReportQuery cohort = new ReportQuery(from, to, null, Map.of(), Dimension.Subject.LEADS);
        return reports.slaCompliance(conn, week).chain(sla -> reports.slaCompliance(conn, previous)
                .chain(slaBefore -> worstBreaches(conn, from, to, asOf)
                        .chain(breaches -> leadFigures(conn, before, from, to)
                                .chain(leads -> reports.funnel(conn, cohort)
                                        .chain(funnel -> reasons(conn, before, from, to)
                                                .map(reasons -> new Parts(sla, slaBefore.total(), breaches, leads,
                                                        funnel.total(), reasons)))))));
    }

    /** Clocks due in the week that were breached or met late, longest overdue first. */
    private static Uni<List<WeeklyDigest.Breach>> worstBreaches(SqlConnection conn, Instant from, Instant to, Instant asOf) {
        return conn.preparedQuery("""
                        select c.id, c.lead_id, cast(l.company as jsonb) ->> 'name' as company_name, c.owner_id, c.team_key,
                            c.milestone, c.policy_key, c.due_at, c.met_at,
                            extract(epoch from coalesce(c.met_at, $3) - c.due_at) as overdue
                        from sla_clocks c join leads l on l.id = c.lead_id
                        where c.due_at >= $1 and c.due_at < $2
                          and (c.breached_at is not null or (c.status = 'met' and c.late))
                        order by coalesce(c.met_at, $3) - c.due_at desc, c.due_at, c.id
                        limit $4""")
                .execute(Tuple.of(utc(from), utc(to), utc(asOf), TOP))
                .map(rows -> {
                    List<WeeklyDigest.Breach> out = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime met = r.getOffsetDateTime("met_at");
                        out.add(new WeeklyDigest.Breach(r.getUUID("id"), r.getUUID("lead_id"), r.getString("company_name"),
                                r.getString("owner_id"), r.getString("team_key"), r.getString("milestone"),
                                r.getString("policy_key"), r.getOffsetDateTime("due_at").toInstant(),
                                met == null ? null : met.toInstant(),
                                Duration.ofSeconds(Math.max(0, Math.round(r.getDouble("overdue"))))));
                    }
                    return out;
                });
    }

    private static Uni<LeadFigures> leadFigures(SqlConnection conn, Instant before, Instant from, Instant to) {
        Tuple window = Tuple.of(utc(before), utc(from), utc(to));
        Uni<Row> events = conn.preparedQuery("""
                select count(distinct lead_id) filter (where kind = 'hand_off' and at >= $2) as handed_off,
                       count(distinct lead_id) filter (where kind = 'hand_off' and at < $2) as handed_off_before,
                       count(distinct lead_id) filter (where kind = 'accept' and at >= $2) as accepted,
                       count(distinct lead_id) filter (where kind = 'accept' and at < $2) as accepted_before
                from lead_events where kind in ('hand_off', 'accept') and at >= $1 and at < $3""")
                .execute(window).map(rows -> rows.iterator().next());
        Uni<Row> outcomes = conn.preparedQuery("""
                select count(*) filter (where rejected_at >= $2 and rejected_at < $3) as rejected,
                       count(*) filter (where rejected_at >= $1 and rejected_at < $2) as rejected_before,
                       count(*) filter (where status = 'won' and closed_at >= $2 and closed_at < $3) as won,
                       count(*) filter (where status = 'won' and closed_at >= $1 and closed_at < $2) as won_before
                from leads where (rejected_at >= $1 and rejected_at < $3) or (closed_at >= $1 and closed_at < $3)""")
                .execute(window).map(rows -> rows.iterator().next());
        Uni<BigDecimal[]> speed = conn.preparedQuery("""
                select handed_off_at >= $2 as current,
                       percentile_cont(0.5) within group (order by first_touch_seconds) as median
                from leads where handed_off_at >= $1 and handed_off_at < $3 group by 1""")
                .execute(window).map(rows -> {
                    BigDecimal[] minutes = new BigDecimal[2];
                    for (Row r : rows) {
                        Double m = r.getDouble("median");
                        minutes[r.getBoolean("current") ? 0 : 1] = m == null ? null
                                : BigDecimal.valueOf(m).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
                    }
                    return minutes;
                });
        return events.chain(e -> outcomes.chain(o -> speed.map(s -> new LeadFigures(e.getLong("handed_off"),
                e.getLong("handed_off_before"), e.getLong("accepted"), e.getLong("accepted_before"), o.getLong("rejected"),
                o.getLong("rejected_before"), o.getLong("won"), o.getLong("won_before"), s[0], s[1]))));
    }

    /** The reasons of the leads rejected in the week, most frequent first, with the week before. */
    private static Uni<List<WeeklyDigest.ReasonCount>> reasons(SqlConnection conn, Instant before, Instant from, Instant to) {
        return conn.preparedQuery("""
                        select reject_reason, count(*) filter (where rejected_at >= $2) as current,
                               count(*) filter (where rejected_at < $2) as previous
                        from leads where rejected_at >= $1 and rejected_at < $3 and reject_reason is not null
                        group by reject_reason""")
                .execute(Tuple.of(utc(before), utc(from), utc(to)))
                .map(rows -> {
                    List<WeeklyDigest.ReasonCount> out = new ArrayList<>();
                    for (Row r : rows) {
                        if (r.getLong("current") > 0) {
                            out.add(new WeeklyDigest.ReasonCount(r.getString("reject_reason"), r.getLong("current"),
                                    r.getLong("previous")));
                        }
                    }
                    out.sort(Comparator.comparingLong(WeeklyDigest.ReasonCount::count).reversed()
                            .thenComparing(WeeklyDigest.ReasonCount::reason));
                    return out.size() > TOP ? out.subList(0, TOP) : out;
                });
    }

    private static List<WeeklyDigest.Change> changes(Parts p) {
        LeadFigures l = p.leads();
        return List.of(
                WeeklyDigest.Change.of("sla_compliance", "SLA compliance", "percent", p.sla().total().compliance(),
                        p.slaBefore().compliance()),
                WeeklyDigest.Change.of("clocks_breached", "Deadlines breached", "count",
                        BigDecimal.valueOf(p.sla().total().breached()), BigDecimal.valueOf(p.slaBefore().breached())),
                WeeklyDigest.Change.of("handed_off", "Leads handed off", "count", BigDecimal.valueOf(l.handedOff()),
                        BigDecimal.valueOf(l.handedOffBefore())),
                WeeklyDigest.Change.of("accepted", "Leads accepted", "count", BigDecimal.valueOf(l.accepted()),
                        BigDecimal.valueOf(l.acceptedBefore())),
                WeeklyDigest.Change.of("rejected", "Leads rejected", "count", BigDecimal.valueOf(l.rejected()),
                        BigDecimal.valueOf(l.rejectedBefore())),
                WeeklyDigest.Change.of("won", "Leads won", "count", BigDecimal.valueOf(l.won()),
                        BigDecimal.valueOf(l.wonBefore())),
                WeeklyDigest.Change.of("speed_to_lead_median", "Speed to lead (median)", "minutes", l.speedMinutes(),
                        l.speedMinutesBefore()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
