package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The four analytical reports, each one aggregate statement in the database (counts with {@code filter}, ordered-set
 * percentiles, {@code grouping sets} for the groups and the total in one pass); no rows are loaded into memory. Every
 * report runs in a read-only transaction with a larger {@code work_mem} for its sorts.
 */
@ApplicationScoped
public class ReportService {

    static final String WORK_MEM = "set local work_mem = '64MB'";

    private final Pool pool;
    private final ClockDurations durations;

    public ReportService(Pool pool, ClockDurations durations) {
        this.pool = pool;
        this.durations = durations;
    }

    // ------------------------------------------------------------------------------------------ SLA compliance

    /**
     * Clocks due in [from, to). Outcomes: met on time; met late; breached (breached and not met: still breached, or
     * cancelled after the breach); cancelled (before any breach); running. Time to met over the met clocks: wall time
     * {@code met_at - started_at}, business time from {@code business_seconds_to_met}.
     */
    public Uni<SlaComplianceReport> slaCompliance(ReportQuery q) {
        return durations.catchUp().onFailure().recoverWithItem(0).chain(() -> read(conn -> slaCompliance(conn, q)));
    }

    Uni<SlaComplianceReport> slaCompliance(SqlConnection conn, ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(keyColumns(q)).append("""
                count(*) as clocks,
                count(*) filter (where status = 'met' and not late) as on_time,
                count(*) filter (where status = 'met' and late) as met_late,
                count(*) filter (where status = 'breached' or (status = 'cancelled' and breached_at is not null)) as breached,
                count(*) filter (where status = 'cancelled' and breached_at is null) as cancelled,
                count(*) filter (where status = 'running') as running,
                percentile_cont(array[0.5, 0.9]) within group (order by business_seconds_to_met)
                    filter (where status = 'met' and business_seconds_to_met >= 0) as business,
                percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from met_at - started_at))
                    filter (where status = 'met') as wall
                from sla_clocks""");
        q.where(sql, args, "due_at");
        groupAndOrder(sql, q);
        return conn.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            Grouped<SlaComplianceReport.Group> g = grouped(rows, q, ReportService::slaGroup);
            return new SlaComplianceReport(q.from(), q.to(), q.groupByWire(), g.groups(), g.total());
        });
    }

    static SlaComplianceReport.Group slaGroup(Row r, String key) {
        long onTime = r.getLong("on_time");
        long late = r.getLong("met_late");
        long breached = r.getLong("breached");
        Double[] business = r.getArrayOfDoubles("business");
        Double[] wall = r.getArrayOfDoubles("wall");
        return new SlaComplianceReport.Group(key, r.getLong("clocks"), onTime, late, breached, r.getLong("cancelled"),
                r.getLong("running"), Rates.percent(onTime, onTime + late + breached),
                new SlaComplianceReport.TimeToMet(new Percentiles(Rates.at(business, 0), Rates.at(business, 1)),
                        new Percentiles(Rates.at(wall, 0), Rates.at(wall, 1))));
    }

    // ------------------------------------------------------------------------------------------ speed to lead

    /** Leads handed off in [from, to): time from hand-off to the first touch at or after it. */
    public Uni<SpeedToLeadReport> speedToLead(ReportQuery q) {
        return read(conn -> speedToLead(conn, q));
    }

    Uni<SpeedToLeadReport> speedToLead(SqlConnection conn, ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(keyColumns(q)).append("""
                count(*) as handed_off,
                count(first_touch_at) as touched,
                percentile_cont(array[0.5, 0.9, 0.99]) within group (order by extract(epoch from first_touch_at - handed_off_at)) as p,
                count(*) filter (where first_touch_at <= handed_off_at + interval '1 hour') as within_hour
                from leads""");
        q.where(sql, args, "handed_off_at");
        groupAndOrder(sql, q);
        return conn.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            Grouped<SpeedToLeadReport.Group> g = grouped(rows, q, ReportService::speedGroup);
            return new SpeedToLeadReport(q.from(), q.to(), q.groupByWire(), g.groups(), g.total());
        });
    }

    static SpeedToLeadReport.Group speedGroup(Row r, String key) {
        long handedOff = r.getLong("handed_off");
        long within = r.getLong("within_hour");
        Double[] p = r.getArrayOfDoubles("p");
        return new SpeedToLeadReport.Group(key, handedOff, r.getLong("touched"), Rates.at(p, 0), Rates.at(p, 1),
                Rates.at(p, 2), within, Rates.percent(within, handedOff));
    }

    // ------------------------------------------------------------------------------------------ funnel

    /**
     * Leads created in [from, to). {@code current}: leads in the stage now. {@code reached}: new = all; mql = handed
     * off; accepted, qualified, rejected, recycled = entered that stage at some point; won, lost = closed so.
     * Rejection reasons: of the leads that carry one (rejected, or rejected then recycled).
     */
    public Uni<FunnelReport> funnel(ReportQuery q) {
        return read(conn -> funnel(conn, q));
    }

    Uni<FunnelReport> funnel(SqlConnection conn, ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(keyColumns(q)).append("count(*) as leads");
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
        sql.append(" from leads");
        q.where(sql, args, "created_at");
        groupAndOrder(sql, q);
        return conn.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            Grouped<FunnelReport.Group> g = grouped(rows, q, ReportService::funnelGroup);
            return new FunnelReport(q.from(), q.to(), q.groupByWire(), g.groups(), g.total());
        });
    }

    static FunnelReport.Group funnelGroup(Row r, String key) {
        long leads = r.getLong("leads");
        List<FunnelReport.Stage> stages = new ArrayList<>();
        java.util.Map<String, Long> reached = new java.util.HashMap<>();
        for (String stage : FunnelReport.STAGES) {
            long n = stage.equals("new") ? leads : r.getLong("r_" + stage);
            reached.put(stage, n);
            stages.add(new FunnelReport.Stage(stage, r.getLong("c_" + stage), n));
        }
        List<FunnelReport.Conversion> conversions = new ArrayList<>();
        for (List<String> c : FunnelReport.CONVERSIONS) {
            conversions.add(new FunnelReport.Conversion(c.get(0), c.get(1),
                    Rates.percent(reached.get(c.get(1)), reached.get(c.get(0)))));
        }
        List<FunnelReport.Reason> reasons = new ArrayList<>();
        for (String reason : ReportCsv.REASONS) {
            long n = r.getLong("x_" + reason);
            if (n > 0) {
                reasons.add(new FunnelReport.Reason(reason, n));
            }
        }
        reasons.sort(java.util.Comparator.comparingLong(FunnelReport.Reason::count).reversed()
                .thenComparing(FunnelReport.Reason::reason));
        return new FunnelReport.Group(key, leads, stages, conversions, reasons);
    }

    // ------------------------------------------------------------------------------------------ fit vs outcome

    /**
     * Leads handed off in [from, to), by the ICP version and tier they were scored with at hand-off; accepted,
     * qualified and rejected count what happened since that hand-off, won counts leads won.
     */
    public Uni<FitVsOutcomeReport> fitVsOutcome(ReportQuery q) {
        return read(conn -> fitVsOutcome(conn, q));
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

    /** Runs report statements in one read-only transaction with room for sorts. */
    <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(conn -> conn.query("set transaction read only").execute()
                .chain(() -> conn.query(WORK_MEM).execute())
                .chain(() -> work.apply(conn)));
    }

    /** {@code <col> as key, grouping(<col>) as total,} with a group column; nothing without. */
    private static String keyColumns(ReportQuery q) {
        String col = q.groupColumn();
        return col == null ? "" : col + " as key, grouping(" + col + ") as total, ";
    }

    private static void groupAndOrder(StringBuilder sql, ReportQuery q) {
        String col = q.groupColumn();
        if (col != null) {
            sql.append(" group by grouping sets ((").append(col).append("), ()) order by grouping(").append(col)
                    .append("), ").append(col).append(" nulls last");
        }
    }

    private record Grouped<G>(List<G> groups, G total) {
    }

    /** Splits grouping-set rows into the groups and the total; without grouping the one row is both. */
    private static <G> Grouped<G> grouped(RowSet<Row> rows, ReportQuery q, java.util.function.BiFunction<Row, String, G> map) {
        List<G> groups = new ArrayList<>();
        G total = null;
        for (Row r : rows) {
            if (q.groupColumn() == null) {
                total = map.apply(r, null);
                groups.add(total);
            } else if (r.getInteger("total") == 1) {
                total = map.apply(r, null);
            } else {
                groups.add(map.apply(r, r.getString("key")));
            }
        }
        return new Grouped<>(groups, total);
    }
}
