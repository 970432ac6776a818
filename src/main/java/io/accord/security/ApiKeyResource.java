package io.accord.security;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.Params;
import io.accord.common.Principals;
import io.accord.common.Problem;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@DetachFromClientCancellation
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public ApiKeyResource(ApiKeyService keys, Idempotency idempotency, SecurityIdentity identity) {
        this.keys = keys;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Issues a key for a machine caller. The secret is returned once, in `key`; only its hash is "
                    + "stored. Honours `Idempotency-Key`: the first response, secret included, is kept for the replay "
                    + "encrypted with the installation's secrets key, and forgotten after the idempotency retention. "
                    + "Roles: admin.")
    @APIResponse(responseCode = "201", description = "Created; `key` holds the secret",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "409", description = "An active key with this name exists")
    @APIResponse(responseCode = "422", description = "Invalid key (also a `teamKey` that names no team), or the "
            + "`Idempotency-Key` was first used with a different request")
    public Uni<Response> createApiKey(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ApiKeyRequest body) {
        String actor = Principals.nameOf(identity);
        return idempotency.once(actor, idempotencyKey, "POST", "/api/v1/api-keys", body, Idempotency.Sensitivity.SECRET,
                () -> keys.create(body, actor)
                        .map(view -> Response.created(URI.create("/api/v1/api-keys/" + view.id())).entity(view).build()));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Keys in creation order, without secrets. Roles: admin.")
    public Uni<Page<ApiKeyView>> listApiKeys(
            @Parameter(description = "`true`: only revoked keys; `false`: only active keys") @QueryParam("revoked") String revoked,
            @BeanParam PageParams paging) {
        return keys.list(Params.bool("revoked", revoked), paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "Without its secret. Roles: admin.")
    @APIResponse(responseCode = "200", description = "The key; `ETag` header for If-Match",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Uni<Response> getApiKey(@PathParam("id") String id) {
        return keys.get(Params.uuid("API key", id))
                .map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateApiKey", summary = "Change an API key's name, roles or team",
            description = "Requires `If-Match` with the key's current ETag. The secret does not change. Roles: admin.")
    @APIResponse(responseCode = "200", description = "The changed key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current ETag")
    @APIResponse(responseCode = "422", description = "Invalid key; `errors` names each field (also a `teamKey` that "
            + "names no team)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateApiKey(@PathParam("id") String id,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ApiKeyRequest body) {
        return keys.update(Params.uuid("API key", id), body, ifMatch, Principals.nameOf(identity))
                .map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once, on every replica. Revoking twice is harmless. If-Match is "
                    + "not required: revocation must never wait. Roles: admin.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Response> revokeApiKey(@PathParam("id") String id) {
        return keys.revoke(Params.uuid("API key", id), Principals.nameOf(identity))
                .map(v -> Response.noContent().build());
    }
}
