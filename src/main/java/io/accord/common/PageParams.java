package io.accord.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code ?limit=&cursor=} query parameters of a cursor-paged list, as a {@code @BeanParam}: one declaration, and
 * one description in the contract, for every list.
 */
public class PageParams {

    @Parameter(description = "Page size, 1 to 200 (default 50)")
    @QueryParam("limit")
    String limit;

    @Parameter(description = "Cursor from the previous page's `nextCursor`")
    @QueryParam("cursor")
    String cursor;

    /** The validated page: 400 naming {@code limit} or {@code cursor} when either is invalid. */
    public PageRequest request() {
        return PageRequest.parse(limit, cursor);
    }

    /** The raw {@code limit}, for lists with a cursor of their own. */
    public String limit() {
        return limit;
    }

    /** The raw {@code cursor}, for lists with a cursor of their own. */
    public String cursor() {
        return cursor;
    }
}
