package io.accord.icp;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

/** ICPs themselves: create, list, read, rename, retire. Versions and evaluation have their own resources. */
@Path("/api/v1/icps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ICPs")
@DetachFromClientCancellation
public class IcpResource {

    private final IcpService icps;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public IcpResource(IcpService icps, Idempotency idempotency, SecurityIdentity identity) {
        this.icps = icps;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "createIcp", summary = "Create an ICP",
            description = "Creates an Ideal Customer Profile with a unique key. It has no content and no active "
                    + "version until a version is drafted, proposed and approved by both sides. Honours "
                    + "`Idempotency-Key`: a replay returns the first response. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the ICP",
            content = @Content(schema = @Schema(implementation = IcpView.class)))
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:duplicate`: an ICP with this key exists")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error` (e.g. the key is not a "
            + "lowercase slug), or `urn:accord:problem:idempotency-key-reused`")
    public Uni<Response> createIcp(
            @Parameter(description = "Makes a retried create safe: the same key replays the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull IcpRequest body) {
        String actor = Principals.nameOf(identity);
        return idempotency.once(actor, idempotencyKey, "POST", "/api/v1/icps", body,
                () -> icps.create(body, actor).map(v -> v.respond(Response.created(URI.create("/api/v1/icps/" + v.view().key())))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listIcps", summary = "List ICPs",
            description = "ICPs in creation order, each with its active version number (or null). "
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    public Uni<Page<IcpView>> listIcps(
            @BeanParam PageParams paging) {
        return icps.list(paging.request());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getIcp", summary = "Get an ICP",
            description = "With `activeVersion`: the number of the version leads are scored against, or null. "
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The ICP; `ETag` header for If-Match",
            content = @Content(schema = @Schema(implementation = IcpView.class)))
    @APIResponse(responseCode = "404", description = "No ICP with this key")
    public Uni<Response> getIcp(@Parameter(example = "mid-market-saas") @PathParam("key") String key) {
        return icps.get(key).map(IcpApiSupport::ok);
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "updateIcp", summary = "Change an ICP's name or description",
            description = "Requires `If-Match` with the ICP's current ETag. The key never changes; the content "
                    + "changes only through versions. Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The changed ICP",
            content = @Content(schema = @Schema(implementation = IcpView.class)))
    @APIResponse(responseCode = "412", description = "`urn:accord:problem:precondition-failed`: If-Match does not "
            + "match the current ETag")
    @APIResponse(responseCode = "428", description = "`urn:accord:problem:precondition-required`: If-Match is missing")
    public Uni<Response> updateIcp(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull IcpChangeRequest body) {
        return icps.update(key, body, ifMatch, Principals.nameOf(identity)).map(IcpApiSupport::ok);
    }

    @POST
    @Path("/{key}/retire")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES_MANAGER})
    @Operation(operationId = "retireIcp", summary = "Retire an ICP",
            description = "Leaves the ICP with no active version: the active version becomes `superseded`, and "
                    + "leads are no longer scored against this ICP (on every replica, from the next request on). "
                    + "A later version can still be proposed and activated. Retiring an ICP without an active "
                    + "version changes nothing. Roles: admin, marketing, sales_manager.")
    @APIResponse(responseCode = "200", description = "The ICP, now with `activeVersion` null",
            content = @Content(schema = @Schema(implementation = IcpView.class)))
    @APIResponse(responseCode = "404", description = "No ICP with this key")
    public Uni<Response> retireIcp(@PathParam("key") String key) {
        return icps.retire(key, Principals.nameOf(identity)).map(IcpApiSupport::ok);
    }
}
