package io.accord.common;

import java.util.Map;

/**
 * Strong entity tags derived from a resource's version, and the {@code If-Match} rules:
 * missing → 428, stale → 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks an {@code If-Match} header against the current version. {@code *} matches any existing version. */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemKind.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read to change this resource");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemKind.PRECONDITION_FAILED,
                "If-Match " + ifMatch + " does not match the current ETag " + current + "; read the resource again",
                java.util.List.of(), Map.of("currentETag", current), Map.of("ETag", current));
    }
}
