package io.accord.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Converts the column values of native query rows ({@code Object[]}) whatever Java type the driver chose. */
public final class NativeRows {

    private NativeRows() {
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    public static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Boolean bool(Object value) {
        return (Boolean) value;
    }

    public static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
