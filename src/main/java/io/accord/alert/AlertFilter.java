package io.accord.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Filters shared by the alert list, the live stream and the pull feed. Null means "any". */
record AlertFilter(String status, String kind, UUID leadId, String ownerId, String teamKey, String tier, Instant since) {

    static final AlertFilter NONE = new AlertFilter(null, null, null, null, null, null, null);

    /** Appends {@code and ...} conditions on the alerts table. */
    void appendTo(StringBuilder sql, List<Object> args) {
        append(sql, args, "status", "kind", "created_at");
    }

    /** Appends {@code and ...} conditions on the events table (the alert's state when the event happened). */
    void appendToEvents(StringBuilder sql, List<Object> args) {
        append(sql, args, "alert_status", "alert_kind", "at");
    }

    private void append(StringBuilder sql, List<Object> args, String statusColumn, String kindColumn, String timeColumn) {
        add(sql, args, statusColumn, status);
        add(sql, args, kindColumn, kind);
        add(sql, args, "lead_id", leadId);
        add(sql, args, "owner_id", ownerId);
        add(sql, args, "team_key", teamKey);
        add(sql, args, "tier", tier);
        if (since != null) {
            args.add(since.atOffset(ZoneOffset.UTC));
            sql.append(" and ").append(timeColumn).append(" >= $").append(args.size());
        }
    }

    private static void add(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(column).append(" = $").append(args.size());
        }
    }
}
