package io.accord.common;

import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses query and path parameters, answering 400 with the parameter's name when one is invalid. Timestamps must lie
 * in {@link InstantRange}; text with NUL or unpaired surrogates never gets here ({@link HttpLimits} refuses it).
 */
public final class Params {

    private Params() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static Instant instant(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.badParameter(name, "must be an RFC 3339 timestamp such as 2026-11-22T09:30:00Z");
        }
        if (!InstantRange.contains(instant)) {
            throw ProblemException.badParameter(name, InstantRange.MESSAGE);
        }
        return instant;
    }

    public static Instant requiredInstant(String name, String value) {
        Instant instant = instant(name, value);
        if (instant == null) {
            throw ProblemException.badParameter(name, "is required");
        }
        return instant;
    }

    public static Duration requiredDuration(String name, String value) {
        if (blankToNull(value) == null) {
            throw ProblemException.badParameter(name, "is required");
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO 8601 duration such as PT4H or P2DT3H");
        }
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.notFound(name, value);
        }
    }

    public static Boolean bool(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter(name, "must be true or false");
        };
    }

    /** Parses a lower_snake_case enum value, listing the allowed values when it is not one of them. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "must be one of: " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }
}
