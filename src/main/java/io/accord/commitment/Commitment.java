package io.accord.commitment;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored commitment row. */
record Commitment(UUID id, String key, String name, String teamKey, PeriodKind period, UUID calendarId,
        String calendarKey, String metric, String minTier, String icpKey, int target, LocalDate startsOn,
        Instant closedThrough, Instant nextCheckAt, Instant createdAt, String createdBy, Instant updatedAt,
        long version) {

    static final String COLUMNS = "id, key, name, team_key, period, calendar_id, calendar_key, metric, min_tier, icp_key, "
            + "target, starts_on, closed_through, next_check_at, created_at, created_by, updated_at, version";

    static Commitment of(Row r) {
        return new Commitment(r.getUUID("id"), r.getString("key"), r.getString("name"), r.getString("team_key"),
                PeriodKind.parse(r.getString("period")).orElseThrow(), r.getUUID("calendar_id"),
                r.getString("calendar_key"), r.getString("metric"), r.getString("min_tier"), r.getString("icp_key"),
                r.getInteger("target"), r.getLocalDate("starts_on"), instant(r, "closed_through"),
                instant(r, "next_check_at"), instant(r, "created_at"), r.getString("created_by"),
                instant(r, "updated_at"), r.getLong("version"));
    }

    /** The lead event this commitment counts: hand-offs or acceptances. */
    String eventKind() {
        return metric.equals("accepted") ? "accept" : "hand_off";
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
