package io.accord.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Exists only in tests: an endpoint that fails the way a bug would, to prove what a 500 looks like. */
@Path("/api/v1/test-only/boom")
public class FailingTestResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(hidden = true)
    public String boom() {
        throw new IllegalStateException("secret internal detail: table foo_bar exploded");
    }
}
