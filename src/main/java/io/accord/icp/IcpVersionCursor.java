package io.accord.icp;

import io.accord.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a version list, which is ordered by version number rather than creation time. */
final class IcpVersionCursor {

    private static final String PREFIX = "v:";

    private IcpVersionCursor() {
    }

    static String encode(int afterNumber) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + afterNumber).getBytes(StandardCharsets.UTF_8));
    }

    /** The number the next page starts after; 0 for no cursor; 400 naming {@code cursor} when it is not ours. */
    static int decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            int n = Integer.parseInt(raw.substring(PREFIX.length()));
            if (n < 0) {
                throw new IllegalArgumentException(raw);
            }
            return n;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
        }
    }
}
