package io.accord.calendar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A calendar read on a pool connection, for background work without a Hibernate session. */
final class CalendarReads {

    static final String BY_KEY = "select id, key, time_zone, hours, holidays, version from calendars where key = $1";

    private CalendarReads() {
    }

    /** The calendar as a detached definition, or null. */
    static Uni<CalendarDefinition> byKey(SqlClient client, String key) {
        return client.preparedQuery(BY_KEY).execute(Tuple.of(key)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            CalendarDefinition c = new CalendarDefinition();
            c.id = r.getUUID("id");
            c.key = r.getString("key");
            c.timeZone = r.getString("time_zone");
            c.hours = r.getString("hours");
            c.holidays = r.getString("holidays");
            c.version = r.getLong("version");
            return c;
        });
    }
}
