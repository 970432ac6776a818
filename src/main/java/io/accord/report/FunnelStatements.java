package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statement of the funnel report and how its rows become it. */
final class FunnelStatements {

    private FunnelStatements() {
    }

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

    /** The report over {@code conn}: one statement of counts per group. */
    static Uni<FunnelReport> funnel(SqlConnection conn, ReportQuery q) {
        return ReportStatements.aggregate(conn, q, FUNNEL_COUNTS, "leads", "created_at", null, true).map(rows -> {
            List<FunnelReport.Group> groups = new ArrayList<>();
            Map<String, Long> sums = new LinkedHashMap<>();
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                Map<String, Long> n = new HashMap<>();
                for (String column : FUNNEL_COLUMNS) {
                    long v = e.getValue().getLong(column);
                    n.put(column, v);
                    sums.merge(column, v, Long::sum);
                }
                groups.add(group(e.getKey(), n));
            }
            FUNNEL_COLUMNS.forEach(c -> sums.putIfAbsent(c, 0L));
            FunnelReport.Group total = group(null, sums);
            return new FunnelReport(q.from(), q.to(), q.groupByWire(), q.groupBy() == null ? List.of(total) : groups,
                    total);
        });
    }

    static FunnelReport.Group group(String key, Map<String, Long> n) {
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
}
