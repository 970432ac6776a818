package io.accord.common;

/** A validated {@code ?limit=&cursor=} pair. The limit defaults to 50; above 200 is refused, never clipped. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest parse(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("limit", "must be an integer between 1 and " + MAX_LIMIT);
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim());
        return new PageRequest(n, after);
    }

    /** How many rows to fetch: one more than the limit tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
