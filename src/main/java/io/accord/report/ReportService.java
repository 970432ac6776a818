package io.accord.report;

import io.accord.sla.ClockDurations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The four analytical reports, computed by aggregate statements in the database; no row is loaded into memory.
 *
 * <p>Each report is split into independent statements that {@link ReportReader} runs concurrently on one snapshot:
 * the counts per group (a plain {@code GROUP BY}, which PostgreSQL runs with parallel workers; the total is the sum of
 * the groups, since counts add up) and the exact continuous percentiles ({@code percentile_cont}), per group and
 * overall, which sort in a single process each. Durations are sorted as whole seconds from stored columns
 * ({@code wall_seconds_to_met}, {@code business_seconds_to_met}, {@code first_touch_seconds}).
 */
@ApplicationScoped
public class ReportService {

    private final ReportReader reader;
    private final ClockDurations durations;

    public ReportService(ReportReader reader, ClockDurations durations) {
        this.reader = reader;
        this.durations = durations;
    }

    // ------------------------------------------------------------------------------------------ SLA compliance

    /**
     * Clocks due in [from, to). Outcomes: met on time; met late; breached (breached and not met: still breached, or
     * cancelled after the breach); cancelled (before any breach); running. Time to met over the met clocks: wall time
     * {@code met_at - started_at}, business time from {@code business_seconds_to_met}.
     */
    public Uni<SlaComplianceReport> slaCompliance(ReportQuery q) {
        return slaCompliance(q, true);
    }

    /** With {@code rollups} false, every clock is read from {@code sla_clocks} (tests compare both ways). */
    Uni<SlaComplianceReport> slaCompliance(ReportQuery q, boolean rollups) {
        return durations.catchUp().onFailure().recoverWithItem(0)
                .chain(() -> reader.concurrently(conn -> rollups ? window(conn, q) : Uni.createFrom().item(
                        SlaWindow.clocksOnly(q)), w -> slaParts(q, w)))
                .map(parts -> slaReport(q, parts));
    }

    /** Which whole months of the window the rollups serve, in the report's snapshot. */
    static Uni<SlaWindow> window(SqlConnection conn, ReportQuery q) {
        return SlaWindow.candidates(q)
                .map(c -> conn.preparedQuery(SlaWindow.FRESH).execute(Tuple.of(c[0], c[1])).map(rows -> {
                    List<LocalDate> months = new ArrayList<>();
                    rows.forEach(r -> months.add(r.getLocalDate("month")));
                    return SlaWindow.of(q, months);
                }))
                .orElseGet(() -> Uni.createFrom().item(SlaWindow.clocksOnly(q)));
    }

    static final String SLA_COUNTS = """
            count(*) as clocks,
            count(*) filter (where status = 'met' and not late) as on_time,
            count(*) filter (where status = 'met' and late) as met_late,
            count(*) filter (where status = 'breached' or (status = 'cancelled' and breached_at is not null)) as breached,
            count(*) filter (where status = 'cancelled' and breached_at is null) as cancelled,
            count(*) filter (where status = 'running') as running""";

    static final String SLA_PERCENTILES = """
            percentile_cont(array[0.5, 0.9]) within group (order by business_seconds_to_met)
                filter (where business_seconds_to_met >= 0) as business,
            percentile_cont(array[0.5, 0.9]) within group (order by wall_seconds_to_met) as wall""";

    /** The durations of met clocks as arrays, like the rollups keep them. */
    static final String SLA_DURATIONS = """
            coalesce(array_agg(business_seconds_to_met) filter (where business_seconds_to_met >= 0), '{}') as business,
            coalesce(array_agg(wall_seconds_to_met), '{}') as wall""";

    /** Sums the counts of rollup rows and clocks (%s) per group. */
    static final String ROLLED_COUNTS = """
            select key, sum(clocks)::bigint as clocks, sum(on_time)::bigint as on_time, sum(met_late)::bigint as met_late,
                sum(breached)::bigint as breached, sum(cancelled)::bigint as cancelled, sum(running)::bigint as running
            from (%s) u group by key order by key nulls last""";

    /**
     * Joins the duration arrays of rollup rows and clocks (%s) per group, then takes each group's percentiles over its
     * array: many small sorts instead of one sort of every clock by group.
     */
    static final String ROLLED_PERCENTILES = """
            select key,
                (select percentile_cont(array[0.5, 0.9]) within group (order by b) from unnest(g.business) b) as business,
                (select percentile_cont(array[0.5, 0.9]) within group (order by w) from unnest(g.wall) w) as wall
            from (select key, accord_array_concat(business) as business, accord_array_concat(wall) as wall
                  from (%s) u group by key) g
            order by key nulls last""";

    /**
     * The overall percentiles over the duration arrays of rollup rows and clocks (%s), unnested as one input: no array
     * of every duration is built.
     */
    static final String ROLLED_OVERALL = """
            with u as (%s)
            select null::text as key,
                (select percentile_cont(array[0.5, 0.9]) within group (order by b) from u, unnest(u.business) b) as business,
                (select percentile_cont(array[0.5, 0.9]) within group (order by w) from u, unnest(u.wall) w) as wall""";

    List<Function<SqlConnection, Uni<?>>> slaParts(ReportQuery q, SlaWindow w) {
        List<Function<SqlConnection, Uni<?>>> parts = new ArrayList<>();
        if (w.months().isEmpty()) {
            parts.add(conn -> aggregate(conn, q, SLA_COUNTS, "sla_clocks", "due_at", null, true));
            if (q.groupBy() != null) {
                parts.add(conn -> aggregate(conn, q, SLA_PERCENTILES, "sla_clocks", "due_at", "status = 'met'", true));
            }
            parts.add(conn -> aggregate(conn, q, SLA_PERCENTILES, "sla_clocks", "due_at", "status = 'met'", false));
            return parts;
        }
        parts.add(conn -> rolled(conn, q, w, false, true));
        if (q.groupBy() != null) {
            parts.add(conn -> rolled(conn, q, w, true, true));
        }
        parts.add(conn -> rolled(conn, q, w, true, false));
        return parts;
    }

    /**
     * Counts ({@code durations} false) or percentiles, per group or overall, over the window's months from the rollups
     * and the rest of the window from the clocks; as {@link #aggregate} answers.
     */
    static Uni<Map<String, Row>> rolled(SqlConnection conn, ReportQuery q, SlaWindow w, boolean durations,
            boolean grouped) {
        String col = grouped ? q.groupColumn() : null;
        List<Object> args = new ArrayList<>();
        args.add(SlaWindow.dimension(q, col != null));
        args.add(w.months().toArray(LocalDate[]::new));
        StringBuilder union = new StringBuilder("select ").append(col == null ? "null::text" : "key").append(" as key, ")
                .append(durations ? "business, wall" : "clocks, on_time, met_late, breached, cancelled, running")
                .append(" from sla_clock_rollups where dimension = $1 and month = any($2)");
        String key = SlaWindow.key(q);
        if (key != null) {
            args.add(key);
            union.append(" and key = $3");
        }
        if (!w.raw().isEmpty()) {
            union.append(" union all select ").append(col == null ? "null::text" : col).append(" as key, ")
                    .append(durations ? SLA_DURATIONS : SLA_COUNTS).append(" from sla_clocks");
            q.where(union, args, "due_at", w.raw());
            if (durations) {
                union.append(" and status = 'met'");
            }
            if (col != null) {
                union.append(" group by ").append(col);
            }
        }
        String sql = (!durations ? ROLLED_COUNTS : col == null ? ROLLED_OVERALL : ROLLED_PERCENTILES).formatted(union);
        return conn.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> byKey(rows, col != null));
    }

    /** The report's statements one after the other on {@code conn} (for the digest, which runs many). */
    Uni<SlaComplianceReport> slaCompliance(SqlConnection conn, ReportQuery q) {
        return ReportReader.inOrder(conn, c -> window(c, q), w -> slaParts(q, w)).map(parts -> slaReport(q, parts));
    }

    @SuppressWarnings("unchecked")
    static SlaComplianceReport slaReport(ReportQuery q, List<Object> parts) {
        Map<String, Row> counts = (Map<String, Row>) parts.get(0);
        Map<String, Row> percentiles = q.groupBy() == null ? Map.of() : (Map<String, Row>) parts.get(1);
        Row overall = ((Map<String, Row>) parts.get(parts.size() - 1)).get(null);
        List<SlaComplianceReport.Group> groups = new ArrayList<>();
        long[] sums = new long[6];
        for (Map.Entry<String, Row> e : counts.entrySet()) {
            Row c = e.getValue();
            long[] n = {c.getLong("clocks"), c.getLong("on_time"), c.getLong("met_late"), c.getLong("breached"),
                c.getLong("cancelled"), c.getLong("running")};
            for (int i = 0; i < n.length; i++) {
                sums[i] += n[i];
            }
            Row p = q.groupBy() == null ? overall : percentiles.get(e.getKey());
            groups.add(slaGroup(e.getKey(), n, p));
        }
        SlaComplianceReport.Group total = slaGroup(null, sums, overall);
        if (q.groupBy() == null) {
            groups = List.of(total);
        }
        return new SlaComplianceReport(q.from(), q.to(), q.groupByWire(), groups, total);
    }

    private static SlaComplianceReport.Group slaGroup(String key, long[] n, Row p) {
        Double[] business = p == null ? null : p.getArrayOfDoubles("business");
        Double[] wall = p == null ? null : p.getArrayOfDoubles("wall");
        return new SlaComplianceReport.Group(key, n[0], n[1], n[2], n[3], n[4], n[5],
                Rates.percent(n[1], n[1] + n[2] + n[3]),
                new SlaComplianceReport.TimeToMet(new Percentiles(Rates.at(business, 0), Rates.at(business, 1)),
                        new Percentiles(Rates.at(wall, 0), Rates.at(wall, 1))));
    }

    // ------------------------------------------------------------------------------------------ speed to lead

    static final String SPEED_COUNTS = """
            count(*) as handed_off,
            count(first_touch_seconds) as touched,
            count(*) filter (where first_touch_seconds <= 3600) as within_hour""";

    static final String SPEED_PERCENTILES =
            "percentile_cont(array[0.5, 0.9, 0.99]) within group (order by first_touch_seconds) as p";

    /** Leads handed off in [from, to): time from hand-off to the first touch at or after it. */
    public Uni<SpeedToLeadReport> speedToLead(ReportQuery q) {
        List<Function<SqlConnection, Uni<?>>> parts = new ArrayList<>();
        parts.add(conn -> aggregate(conn, q, SPEED_COUNTS, "leads", "handed_off_at", null, true));
        if (q.groupBy() != null) {
            parts.add(conn -> aggregate(conn, q, SPEED_PERCENTILES, "leads", "handed_off_at",
                    "first_touch_seconds is not null", true));
        }
        parts.add(conn -> aggregate(conn, q, SPEED_PERCENTILES, "leads", "handed_off_at", "first_touch_seconds is not null",
                false));
        return reader.concurrently(parts).map(results -> speedReport(q, results));
    }

    @SuppressWarnings("unchecked")
    static SpeedToLeadReport speedReport(ReportQuery q, List<Object> parts) {
        Map<String, Row> counts = (Map<String, Row>) parts.get(0);
        Map<String, Row> percentiles = q.groupBy() == null ? Map.of() : (Map<String, Row>) parts.get(1);
        Row overall = ((Map<String, Row>) parts.get(parts.size() - 1)).get(null);
        List<SpeedToLeadReport.Group> groups = new ArrayList<>();
        long[] sums = new long[3];
        for (Map.Entry<String, Row> e : counts.entrySet()) {
            Row c = e.getValue();
            long[] n = {c.getLong("handed_off"), c.getLong("touched"), c.getLong("within_hour")};
            for (int i = 0; i < n.length; i++) {
                sums[i] += n[i];
            }
            groups.add(speedGroup(e.getKey(), n, q.groupBy() == null ? overall : percentiles.get(e.getKey())));
        }
        SpeedToLeadReport.Group total = speedGroup(null, sums, overall);
        return new SpeedToLeadReport(q.from(), q.to(), q.groupByWire(), q.groupBy() == null ? List.of(total) : groups,
                total);
    }

    private static SpeedToLeadReport.Group speedGroup(String key, long[] n, Row percentiles) {
        Double[] p = percentiles == null ? null : percentiles.getArrayOfDoubles("p");
        return new SpeedToLeadReport.Group(key, n[0], n[1], Rates.at(p, 0), Rates.at(p, 1), Rates.at(p, 2), n[2],
                Rates.percent(n[2], n[0]));
    }

    // ------------------------------------------------------------------------------------------ funnel

    static final String FUNNEL_COUNTS;

    static {
        StringBuilder sql = new StringBuilder("count(*) as leads");
        for (String stage : FunnelReport.STAGES) {
            sql.append(", count(*) filter (where status = '").append(stage).append("') as c_").append(stage);
        }
        sql.append("""
                , count(*) filter (where handed_off_at is not null) as r_mql
                , count(*) filter (where accepted_at is not null) as r_accepted
                , count(*) filter (where qualified_at is not null) as r_qualified
                , count(*) filter (where status = 'won') as r_won
                , count(*) filter (where status = 'lost') as r_lost
                , count(*) filter (where rejected_at is not null) as r_rejected
                , count(*) filter (where recycled_at is not null) as r_recycled""");
        for (String reason : ReportCsv.REASONS) {
            sql.append(", count(*) filter (where reject_reason = '").append(reason).append("') as x_").append(reason);
        }
        FUNNEL_COUNTS = sql.toString();
    }

    /** The count columns of the funnel, in the order they are summed for the total. */
    static final List<String> FUNNEL_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("leads"));
        FunnelReport.STAGES.forEach(s -> columns.add("c_" + s));
        FunnelReport.STAGES.stream().filter(s -> !s.equals("new")).forEach(s -> columns.add("r_" + s));
        ReportCsv.REASONS.forEach(r -> columns.add("x_" + r));
        FUNNEL_COLUMNS = List.copyOf(columns);
    }

    /**
     * Leads created in [from, to). {@code current}: leads in the stage now. {@code reached}: new = all; mql = handed
     * off; accepted, qualified, rejected, recycled = entered that stage at some point; won, lost = closed so.
     * Rejection reasons: of the leads that carry one (rejected, or rejected then recycled).
     */
    public Uni<FunnelReport> funnel(ReportQuery q) {
        return reader.sequentially(List.of(conn -> funnel(conn, q))).map(r -> (FunnelReport) r.get(0));
    }

    Uni<FunnelReport> funnel(SqlConnection conn, ReportQuery q) {
        return aggregate(conn, q, FUNNEL_COUNTS, "leads", "created_at", null, true).map(rows -> {
            List<FunnelReport.Group> groups = new ArrayList<>();
            Map<String, Long> sums = new LinkedHashMap<>();
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                Map<String, Long> n = new HashMap<>();
                for (String column : FUNNEL_COLUMNS) {
                    long v = e.getValue().getLong(column);
                    n.put(column, v);
                    sums.merge(column, v, Long::sum);
                }
                groups.add(funnelGroup(e.getKey(), n));
            }
            FUNNEL_COLUMNS.forEach(c -> sums.putIfAbsent(c, 0L));
            FunnelReport.Group total = funnelGroup(null, sums);
            return new FunnelReport(q.from(), q.to(), q.groupByWire(), q.groupBy() == null ? List.of(total) : groups,
                    total);
        });
    }

    static FunnelReport.Group funnelGroup(String key, Map<String, Long> n) {
        long leads = n.get("leads");
        List<FunnelReport.Stage> stages = new ArrayList<>();
        Map<String, Long> reached = new HashMap<>();
        for (String stage : FunnelReport.STAGES) {
            long r = stage.equals("new") ? leads : n.get("r_" + stage);
            reached.put(stage, r);
            stages.add(new FunnelReport.Stage(stage, n.get("c_" + stage), r));
        }
        List<FunnelReport.Conversion> conversions = new ArrayList<>();
        for (List<String> c : FunnelReport.CONVERSIONS) {
            conversions.add(new FunnelReport.Conversion(c.get(0), c.get(1),
                    Rates.percent(reached.get(c.get(1)), reached.get(c.get(0)))));
        }
        List<FunnelReport.Reason> reasons = new ArrayList<>();
        for (String reason : ReportCsv.REASONS) {
            long count = n.get("x_" + reason);
            if (count > 0) {
                reasons.add(new FunnelReport.Reason(reason, count));
            }
        }
        reasons.sort(Comparator.comparingLong(FunnelReport.Reason::count).reversed()
                .thenComparing(FunnelReport.Reason::reason));
        return new FunnelReport.Group(key, leads, stages, conversions, reasons);
    }

    // ------------------------------------------------------------------------------------------ fit vs outcome

    /**
     * Leads handed off in [from, to), by the ICP version and tier they were scored with at hand-off; accepted,
     * qualified and rejected count what happened since that hand-off, won counts leads won.
     */
    public Uni<FitVsOutcomeReport> fitVsOutcome(ReportQuery q) {
        return reader.sequentially(List.of(conn -> fitVsOutcome(conn, q))).map(r -> (FitVsOutcomeReport) r.get(0));
    }

    Uni<FitVsOutcomeReport> fitVsOutcome(SqlConnection conn, ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder agg = new StringBuilder("""
                select fit_icp_key, fit_version, fit_tier, count(*) as leads,
                    count(*) filter (where accepted_at >= handed_off_at) as accepted,
                    count(*) filter (where qualified_at >= handed_off_at) as qualified,
                    count(*) filter (where status = 'won') as won,
                    count(*) filter (where rejected_at >= handed_off_at) as rejected
                from leads""");
        q.where(agg, args, "handed_off_at");
        agg.append(" group by fit_icp_key, fit_version, fit_tier");
        String sql = "with agg as (" + agg + ") select agg.*, accord_tier_rank(v.definition, agg.fit_tier) as tier_rank "
                + "from agg left join icps i on i.key = agg.fit_icp_key "
                + "left join icp_versions v on v.icp_id = i.id and v.number = agg.fit_version "
                + "order by agg.fit_icp_key nulls last, agg.fit_version nulls last, tier_rank nulls last, agg.fit_tier nulls last";
        return conn.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<FitVsOutcomeReport.Row> out = new ArrayList<>();
            for (Row r : rows) {
                long leads = r.getLong("leads");
                long accepted = r.getLong("accepted");
                long qualified = r.getLong("qualified");
                long won = r.getLong("won");
                long rejected = r.getLong("rejected");
                out.add(new FitVsOutcomeReport.Row(r.getString("fit_icp_key"), r.getInteger("fit_version"),
                        r.getString("fit_tier"), leads, accepted, Rates.percent(accepted, leads), qualified,
                        Rates.percent(qualified, leads), won, Rates.percent(won, leads), rejected,
                        Rates.percent(rejected, leads)));
            }
            return new FitVsOutcomeReport(q.from(), q.to(), out);
        });
    }

    // ------------------------------------------------------------------------------------------ plumbing

    /**
     * {@code select [<group column> as key,] <aggregates> from <table> where <window and filters> [and <extra>]
     * [group by <group column>]}, as a map from group value (null for rows without one, and for the ungrouped
     * row) to its row, in group order (nulls last).
     */
    static Uni<Map<String, Row>> aggregate(SqlConnection conn, ReportQuery q, String aggregates, String table,
            String timeColumn, String extra, boolean grouped) {
        String col = grouped ? q.groupColumn() : null;
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(col == null ? "" : col + " as key, ").append(aggregates)
                .append(" from ").append(table);
        q.where(sql, args, timeColumn);
        if (extra != null) {
            sql.append(" and ").append(extra);
        }
        if (col != null) {
            sql.append(" group by ").append(col).append(" order by ").append(col).append(" nulls last");
        }
        return conn.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> byKey(rows, col != null));
    }

    private static Map<String, Row> byKey(RowSet<Row> rows, boolean keyed) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(keyed ? r.getString("key") : null, r);
        }
        return out;
    }
}
