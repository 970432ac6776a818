package io.accord.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.", nullable = true)
        String nextCursor) {

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: a surplus row means there is a next page,
     * whose cursor is the position of the last row shown.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, Cursor> position,
            Function<E, T> view) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
