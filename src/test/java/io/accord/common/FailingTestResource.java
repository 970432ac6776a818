package io.accord.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    /**
     * Fails the ways a request fails while PostgreSQL restarts or a connection to it is cut, as the reactive client
     * and Hibernate Reactive report it.
     */
    @GET
    @Path("/database-down/{how}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(hidden = true)
    public io.smallrye.mutiny.Uni<String> databaseDown(@PathParam("how") String how) {
        Throwable failure = switch (how) {
            case "closed" -> io.vertx.sqlclient.ClosedConnectionException.INSTANCE;
            case "shutting-down" -> new io.vertx.pgclient.PgException("the database system is shutting down", "FATAL",
                    "57P03", null);
            case "terminated" -> new org.hibernate.HibernateException("flush failed", new io.vertx.pgclient.PgException(
                    "terminating connection due to administrator command", "FATAL", "57P01", null));
            case "refused" -> new java.util.concurrent.CompletionException(new io.vertx.core.VertxException(
                    "connect failed", new java.net.ConnectException("Connection refused: /127.0.0.1:5432")));
            case "auth" -> new io.quarkus.security.AuthenticationFailedException(
                    io.vertx.sqlclient.ClosedConnectionException.INSTANCE);
            default -> new IllegalStateException("not a database failure");
        };
        return io.smallrye.mutiny.Uni.createFrom().failure(failure);
    }
}
