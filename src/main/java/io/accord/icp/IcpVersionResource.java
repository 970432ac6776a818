package io.accord.icp;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.icp.IcpVersionLifecycle.Status;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An ICP's versions and their workflow: draft → proposed → active → superseded, or proposed → rejected. */
@Path("/api/v1/icps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ICPs")
@DetachFromClientCancellation
public class IcpVersionResource {

    private final IcpService icps;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public IcpVersionResource(IcpService icps, Idempotency idempotency, SecurityIdentity identity) {
        this.icps = icps;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @Path("/{key}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "createIcpVersion", summary = "Draft a new ICP version",
            description = "Creates draft version n+1 from `criteria` and `tiers`, or as a copy of `fromVersion`. "
                    + "Criteria and tiers are validated; every violation is listed in `errors` with its field path "
                    + "(e.g. `criteria[2].weight`). Honours `Idempotency-Key`. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "201", description = "The draft; `Location` names it, `ETag` for If-Match",
            content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "400", description = "`urn:accord:problem:invalid-body`, e.g. an unknown operator "
            + "(`errors[0].field` = `criteria[0].operator`)")
    @APIResponse(responseCode = "404", description = "No ICP with this key")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error`: invalid criteria or "
            + "tiers, or a `fromVersion` that does not exist")
    public Uni<Response> createIcpVersion(@PathParam("key") String key,
            @Parameter(description = "Makes a retried create safe: the same key replays the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull IcpVersionRequest body) {
        String actor = Principals.nameOf(identity);
        return idempotency.once(actor, idempotencyKey, "POST", "/api/v1/icps/" + key + "/versions", body,
                () -> icps.createVersion(key, body, actor).map(v -> v.respond(Response
                        .created(URI.create("/api/v1/icps/" + key + "/versions/" + v.view().version())))));
    }

    @GET
    @Path("/{key}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listIcpVersions", summary = "List an ICP's versions",
            description = "Versions by number, oldest first, with their approvals and rejections. "
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    @APIResponse(responseCode = "404", description = "No ICP with this key")
    public Uni<Page<IcpVersionView>> listIcpVersions(@PathParam("key") String key,
            @Parameter(description = "Only versions in this status",
                    schema = @Schema(enumeration = {"draft", "proposed", "active", "superseded", "rejected"}))
            @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        int size = PageRequest.parse(paging.limit(), null).limit();
        return icps.listVersions(key, Params.enumValue("status", status, Status.class), size,
                IcpVersionCursor.decode(paging.cursor()));
    }

    @GET
    @Path("/{key}/versions/{n}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getIcpVersion", summary = "Get an ICP version",
            description = "Its criteria, tiers, status, approvals, rejections and the actions allowed now. "
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The version; `ETag` header for If-Match",
            content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such ICP or version")
    public Uni<Response> getIcpVersion(@PathParam("key") String key,
            @Parameter(description = "Version number", example = "3") @PathParam("n") String n) {
        return icps.getVersion(key, IcpApiSupport.versionNumber(n)).map(IcpApiSupport::ok);
    }

    @PUT
    @Path("/{key}/versions/{n}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "updateIcpVersion", summary = "Edit a draft version",
            description = "Replaces a draft's criteria, tiers and notes. Requires `If-Match` with the version's "
                    + "ETag. Only drafts can change: proposed, active, superseded and rejected versions are frozen. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The changed draft",
            content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:invalid-transition`: the version is not a "
            + "draft; `allowedActions` lists what its status allows")
    @APIResponse(responseCode = "412", description = "`urn:accord:problem:precondition-failed`: If-Match does not "
            + "match the current ETag")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error`: invalid criteria or tiers")
    @APIResponse(responseCode = "428", description = "`urn:accord:problem:precondition-required`: If-Match is missing")
    public Uni<Response> updateIcpVersion(@PathParam("key") String key, @PathParam("n") String n,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull IcpVersionChangeRequest body) {
        return icps.updateVersion(key, IcpApiSupport.versionNumber(n), body, ifMatch, Principals.nameOf(identity))
                .map(IcpApiSupport::ok);
    }

    @POST
    @Path("/{key}/versions/{n}/propose")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "proposeIcpVersion", summary = "Propose a draft for approval",
            description = "Freezes the draft's content and opens it for the marketing and sales approvals. "
                    + "`If-Match` is optional; when sent, it must match, so you propose exactly what you read. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "The version, now `proposed`",
            content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:invalid-transition`: the version is not a "
            + "draft; `allowedActions` lists what its status allows")
    @APIResponse(responseCode = "412", description = "`urn:accord:problem:precondition-failed`: If-Match was sent and "
            + "does not match")
    public Uni<Response> proposeIcpVersion(@PathParam("key") String key, @PathParam("n") String n,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return icps.propose(key, IcpApiSupport.versionNumber(n), ifMatch, Principals.nameOf(identity))
                .map(IcpApiSupport::ok);
    }

    @POST
    @Path("/{key}/versions/{n}/approve")
    @RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "approveIcpVersion", summary = "Approve a proposed version for one side",
            description = "Signs the version for `side`. The marketing side needs the marketing role, the sales side "
                    + "the sales or sales_manager role; admin alone is not enough, because a shared ICP must be "
                    + "signed by both functions. The two approvals must come from two different principals: one "
                    + "principal holding both roles cannot sign for both sides. The second approval activates the "
                    + "version and supersedes the previously active one in the same transaction; from the next "
                    + "request on, every replica scores leads against it. "
                    + "Roles: marketing (marketing side), sales or sales_manager (sales side).")
    @APIResponse(responseCode = "200", description = "The version: still `proposed` after the first approval, "
            + "`active` after the second", content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "403", description = "`urn:accord:problem:forbidden`: you lack the role of this side")
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:invalid-transition` (the version is not "
            + "proposed; `allowedActions` lists what is allowed), or `urn:accord:problem:conflict` (this side already "
            + "decided, or you already approved the other side)")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error`: `side` is missing or not "
            + "marketing or sales")
    public Uni<Response> approveIcpVersion(@PathParam("key") String key, @PathParam("n") String n,
            @Valid @NotNull IcpDecisionRequest body) {
        return icps.approve(key, IcpApiSupport.versionNumber(n), body, Principals.nameOf(identity), roles())
                .map(IcpApiSupport::ok);
    }

    @POST
    @Path("/{key}/versions/{n}/reject")
    @RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "rejectIcpVersion", summary = "Reject a proposed version for one side",
            description = "Rejects the version for `side` (with that side's role); the version becomes `rejected` "
                    + "for good. Draft a new version (e.g. with `fromVersion`) to try again. A side that approved "
                    + "cannot also reject. Roles: marketing (marketing side), sales or sales_manager (sales side).")
    @APIResponse(responseCode = "200", description = "The version, now `rejected`",
            content = @Content(schema = @Schema(implementation = IcpVersionView.class)))
    @APIResponse(responseCode = "403", description = "`urn:accord:problem:forbidden`: you lack the role of this side")
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:invalid-transition` (the version is not "
            + "proposed), or `urn:accord:problem:conflict` (this side already decided)")
    public Uni<Response> rejectIcpVersion(@PathParam("key") String key, @PathParam("n") String n,
            @Valid @NotNull IcpDecisionRequest body) {
        return icps.reject(key, IcpApiSupport.versionNumber(n), body, Principals.nameOf(identity), roles())
                .map(IcpApiSupport::ok);
    }

    @GET
    @Path("/{key}/versions/{a}/diff/{b}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "diffIcpVersions", summary = "Compare two versions",
            description = "Criteria added, removed and changed, and tier changes, going from version `a` to version "
                    + "`b`. Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The differences",
            content = @Content(schema = @Schema(implementation = IcpDiffView.class)))
    @APIResponse(responseCode = "404", description = "No such ICP or version")
    public Uni<IcpDiffView> diffIcpVersions(@PathParam("key") String key,
            @Parameter(description = "The version compared from", example = "2") @PathParam("a") String a,
            @Parameter(description = "The version compared to", example = "3") @PathParam("b") String b) {
        return icps.diff(key, IcpApiSupport.versionNumber(a), IcpApiSupport.versionNumber(b));
    }

    private Set<String> roles() {
        return identity.getRoles();
    }
}
