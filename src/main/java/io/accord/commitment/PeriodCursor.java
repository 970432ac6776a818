package io.accord.commitment;

import io.accord.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/** The opaque cursor of a period list: the first day of the last period shown. */
final class PeriodCursor {

    private static final String PREFIX = "p:";

    private PeriodCursor() {
    }

    static String encode(LocalDate lastShown) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastShown).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; 400 naming {@code cursor} when it is not ours. */
    static LocalDate decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return LocalDate.parse(raw.substring(PREFIX.length()));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
        }
    }
}
