package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The statements of the SLA compliance report and how their rows become it. Whole months the rollups keep fresh are
 * read from {@code sla_clock_rollups}, the rest of the window from {@code sla_clocks}.
 */
final class SlaComplianceStatements {

    private SlaComplianceStatements() {
    }

    static final String SLA_COUNTS = """
            count(*) as clocks,
            count(*) filter (where status = 'met' and not late) as on_time,
            count(*) filter (where status = 'met' and late) as met_late,
            count(*) filter (where status in ('breached', 'reassigned') or (status = 'cancelled' and breached_at is not null)) as breached,
            count(*) filter (where status = 'cancelled' and breached_at is null) as cancelled,
            count(*) filter (where status in ('running', 'paused')) as running,
            count(*) filter (where pauses > 0) as paused_clocks,
            coalesce(sum(pauses), 0)::bigint as pauses,
            coalesce(sum(paused_seconds), 0)::bigint as paused_seconds""";

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
                sum(breached)::bigint as breached, sum(cancelled)::bigint as cancelled, sum(running)::bigint as running,
                sum(paused_clocks)::bigint as paused_clocks, sum(pauses)::bigint as pauses,
                sum(paused_seconds)::bigint as paused_seconds
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

    /**
     * The statements of the report over window {@code w}: counts, then percentiles per group (when grouped) and
     * overall.
     */
    static List<Function<SqlConnection, Uni<?>>> parts(ReportQuery q, SlaWindow w) {
        List<Function<SqlConnection, Uni<?>>> parts = new ArrayList<>();
        if (w.months().isEmpty()) {
            parts.add(conn -> ReportStatements.aggregate(conn, q, SLA_COUNTS, "sla_clocks", "due_at", null, true));
            if (q.groupBy() != null) {
                parts.add(conn -> ReportStatements.aggregate(conn, q, SLA_PERCENTILES, "sla_clocks", "due_at",
                        "status = 'met'", true));
            }
            parts.add(conn -> ReportStatements.aggregate(conn, q, SLA_PERCENTILES, "sla_clocks", "due_at",
                    "status = 'met'", false));
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
     * and the rest of the window from the clocks; as {@link ReportStatements#aggregate} answers.
     */
    static Uni<Map<String, Row>> rolled(SqlConnection conn, ReportQuery q, SlaWindow w, boolean durations,
            boolean grouped) {
        String col = grouped ? q.groupColumn() : null;
        List<Object> args = new ArrayList<>();
        args.add(SlaWindow.dimension(q, col != null));
        args.add(w.months().toArray(LocalDate[]::new));
        StringBuilder union = new StringBuilder("select ").append(col == null ? "null::text" : "key").append(" as key, ")
                .append(durations ? "business, wall"
                        : "clocks, on_time, met_late, breached, cancelled, running, paused_clocks, pauses, paused_seconds")
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
        return conn.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> ReportStatements.byKey(rows, col != null));
    }

    @SuppressWarnings("unchecked")
    static SlaComplianceReport report(ReportQuery q, List<Object> parts) {
        Map<String, Row> counts = (Map<String, Row>) parts.get(0);
        Map<String, Row> percentiles = q.groupBy() == null ? Map.of() : (Map<String, Row>) parts.get(1);
        Row overall = ((Map<String, Row>) parts.get(parts.size() - 1)).get(null);
        List<SlaComplianceReport.Group> groups = new ArrayList<>();
        long[] sums = new long[9];
        for (Map.Entry<String, Row> e : counts.entrySet()) {
            Row c = e.getValue();
            long[] n = {c.getLong("clocks"), c.getLong("on_time"), c.getLong("met_late"), c.getLong("breached"),
                c.getLong("cancelled"), c.getLong("running"), c.getLong("paused_clocks"), c.getLong("pauses"),
                c.getLong("paused_seconds")};
            for (int i = 0; i < n.length; i++) {
                sums[i] += n[i];
            }
            Row p = q.groupBy() == null ? overall : percentiles.get(e.getKey());
            groups.add(group(e.getKey(), n, p));
        }
        SlaComplianceReport.Group total = group(null, sums, overall);
        if (q.groupBy() == null) {
            groups = List.of(total);
        }
        return new SlaComplianceReport(q.from(), q.to(), q.groupByWire(), groups, total);
    }

    private static SlaComplianceReport.Group group(String key, long[] n, Row p) {
        Double[] business = p == null ? null : p.getArrayOfDoubles("business");
        Double[] wall = p == null ? null : p.getArrayOfDoubles("wall");
        return new SlaComplianceReport.Group(key, n[0], n[1], n[2], n[3], n[4], n[5],
                Rates.percent(n[1], n[1] + n[2] + n[3]),
                new SlaComplianceReport.TimeToMet(new Percentiles(Rates.at(business, 0), Rates.at(business, 1)),
                        new Percentiles(Rates.at(wall, 0), Rates.at(wall, 1))),
                new SlaComplianceReport.Holds(n[6], n[7], java.time.Duration.ofSeconds(n[8])));
    }
}
