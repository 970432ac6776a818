package io.accord.security;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts/stream-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@DetachFromClientCancellation
public class StreamTokenResource {

    private final StreamTokens tokens;
    private final SecurityIdentity identity;

    public StreamTokenResource(StreamTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "createStreamToken", summary = "Get a single-use token for the live alert stream",
            description = "For browsers: `EventSource` cannot send `Authorization`, so ask for a token with your "
                    + "credentials, then open `GET /api/v1/alerts/stream?token=…`. The token works once, within 60 s "
                    + "(`accord.auth.stream-tokens.ttl`), on any replica, and the stream it opens has exactly your "
                    + "principal, roles and team. It never outlives your credential: it expires with your bearer "
                    + "token, and stops working when your API key is revoked. To reconnect, get a new token and pass "
                    + "`after=<last event id>`. Only a hash of the token is stored; it is not a resource of its own "
                    + "(no `Location`), and `Idempotency-Key` is not honoured, because a replay would hand out a "
                    + "token that is already used. No request body. Roles: any.")
    @APIResponse(responseCode = "201", description = "A new token",
            headers = @Header(name = "Cache-Control", description = "`no-store`: the token must not be cached",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            enumeration = "no-store")),
            content = @Content(schema = @Schema(implementation = StreamTokenView.class)))
    public Uni<Response> createStreamToken() {
        return tokens.issue(Caller.of(identity))
                .map(token -> Response.status(Response.Status.CREATED).entity(token)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
