package io.accord.report;

import io.accord.common.Params;
import io.accord.common.ProblemException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report's window [from, to), its grouping and its equality filters, validated: a bad or missing {@code from} or
 * {@code to}, a {@code to} not after {@code from}, an unknown {@code groupBy} or a filter that does not apply to the
 * report is a 400 naming the parameter.
 */
public record ReportQuery(Instant from, Instant to, Dimension groupBy, Map<Dimension, String> filters,
        Dimension.Subject subject) {

    public ReportQuery {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(filters);
        filters = Collections.unmodifiableMap(copy);
    }

    /**
     * @param filters filter values by dimension wire name (ownerId, teamKey, …); blank values are ignored
     */
    public static ReportQuery parse(String from, String to, String groupBy, Map<String, String> filters,
            Dimension.Subject subject) {
        Instant f = Params.requiredInstant("from", from);
        Instant t = Params.requiredInstant("to", to);
        if (!t.isAfter(f)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        Dimension g = Dimension.groupBy(groupBy, subject);
        Map<Dimension, String> parsed = new EnumMap<>(Dimension.class);
        filters.forEach((name, value) -> {
            String v = Params.blankToNull(value);
            if (v == null) {
                return;
            }
            Dimension d = Dimension.parse(name).orElseThrow(() -> new IllegalArgumentException(name));
            if (d.column(subject) == null) {
                throw ProblemException.badParameter(name, "does not apply to this report, which reads leads, not "
                        + "SLA clocks");
            }
            parsed.put(d, v);
        });
        return new ReportQuery(f, t, g, parsed, subject);
    }

    /**
     * Appends {@code <timeColumn> >= $1 and <timeColumn> < $2} and the filters to {@code sql}, their values to
     * {@code args}. Column names come from {@link Dimension}, values are parameters.
     */
    void where(StringBuilder sql, List<Object> args, String timeColumn) {
        where(sql, args, timeColumn, List.of(new Range(from, to)));
    }

    /** As {@link #where(StringBuilder, List, String)}, for rows whose time falls in one of {@code ranges}. */
    void where(StringBuilder sql, List<Object> args, String timeColumn, List<Range> ranges) {
        sql.append(" where ");
        if (ranges.size() > 1) {
            sql.append('(');
        }
        for (int i = 0; i < ranges.size(); i++) {
            args.add(ranges.get(i).from().atOffset(ZoneOffset.UTC));
            args.add(ranges.get(i).to().atOffset(ZoneOffset.UTC));
            sql.append(i == 0 ? "" : " or ").append(timeColumn).append(" >= $").append(args.size() - 1).append(" and ")
                    .append(timeColumn).append(" < $").append(args.size());
        }
        if (ranges.size() > 1) {
            sql.append(')');
        }
        for (Map.Entry<Dimension, String> e : filters.entrySet()) {
            args.add(e.getValue());
            sql.append(" and ").append(e.getKey().column(subject)).append(" = $").append(args.size());
        }
    }

    /** A span of time [from, to). */
    record Range(Instant from, Instant to) {
    }

    /** The group column, or null without grouping. */
    String groupColumn() {
        return groupBy == null ? null : groupBy.column(subject);
    }

    String groupByWire() {
        return groupBy == null ? null : groupBy.wire();
    }

    static List<Object> newArgs() {
        return new ArrayList<>();
    }
}
