package io.accord.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** A view together with the version its ETag is made from. */
public record Versioned<T>(T view, long version) {

    public String etag() {
        return ETags.of(version);
    }

    /** {@code builder} with the view as entity and its ETag: how every single configuration resource is answered. */
    public Response respond(Response.ResponseBuilder builder) {
        return builder.entity(view).tag(new EntityTag(String.valueOf(version))).build();
    }
}
