package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report statements share: one aggregate statement over the window and filters, its rows by group. */
final class ReportStatements {

    private ReportStatements() {
    }

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

    /** The rows by their {@code key} column, in order; one row under null when not {@code keyed}. */
    static Map<String, Row> byKey(RowSet<Row> rows, boolean keyed) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(keyed ? r.getString("key") : null, r);
        }
        return out;
    }
}
