package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The statements of the speed-to-lead report and how their rows become it. */
final class SpeedToLeadStatements {

    private SpeedToLeadStatements() {
    }

    static final String SPEED_COUNTS = """
            count(*) as handed_off,
            count(first_touch_seconds) as touched,
            count(*) filter (where first_touch_seconds <= 3600) as within_hour""";

    static final String SPEED_PERCENTILES =
            "percentile_cont(array[0.5, 0.9, 0.99]) within group (order by first_touch_seconds) as p";

    /** The statements of the report: counts, then percentiles per group (when grouped) and overall. */
    static List<Function<SqlConnection, Uni<?>>> parts(ReportQuery q) {
        List<Function<SqlConnection, Uni<?>>> parts = new ArrayList<>();
        parts.add(conn -> ReportStatements.aggregate(conn, q, SPEED_COUNTS, "leads", "handed_off_at", null, true));
        if (q.groupBy() != null) {
            parts.add(conn -> ReportStatements.aggregate(conn, q, SPEED_PERCENTILES, "leads", "handed_off_at",
                    "first_touch_seconds is not null", true));
        }
        parts.add(conn -> ReportStatements.aggregate(conn, q, SPEED_PERCENTILES, "leads", "handed_off_at",
                "first_touch_seconds is not null", false));
        return parts;
    }

    @SuppressWarnings("unchecked")
    static SpeedToLeadReport report(ReportQuery q, List<Object> parts) {
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
            groups.add(group(e.getKey(), n, q.groupBy() == null ? overall : percentiles.get(e.getKey())));
        }
        SpeedToLeadReport.Group total = group(null, sums, overall);
        return new SpeedToLeadReport(q.from(), q.to(), q.groupByWire(), q.groupBy() == null ? List.of(total) : groups,
                total);
    }

    private static SpeedToLeadReport.Group group(String key, long[] n, Row percentiles) {
        Double[] p = percentiles == null ? null : percentiles.getArrayOfDoubles("p");
        return new SpeedToLeadReport.Group(key, n[0], n[1], Rates.at(p, 0), Rates.at(p, 1), Rates.at(p, 2), n[2],
                Rates.percent(n[2], n[0]));
    }
}
