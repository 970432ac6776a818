package io.accord.team;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.Params;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.Principals;
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

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
@DetachFromClientCancellation
public class TeamResource {

    private final TeamService teams;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public TeamResource(TeamService teams, Idempotency idempotency, SecurityIdentity identity) {
        this.teams = teams;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "createTeam", summary = "Create a team",
            description = "`function` is `sales` or `marketing`. `managerId` and `members` are user ids in the "
                    + "caller's own system; Accord does not manage people. `calendarKey`, if given, must name an "
                    + "existing calendar (422 otherwise); that calendar then cannot be deleted while the team uses it. "
                    + "Honours `Idempotency-Key`. Roles: admin, sales_manager.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "422", description = "Invalid team; `errors` names each field")
    public Uni<Response> createTeam(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull TeamRequest body) {
        return idempotency.once(Principals.nameOf(identity), idempotencyKey, "POST", "/api/v1/teams", body,
                () -> teams.create(body, Principals.nameOf(identity))
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/teams/" + v.view().key())))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listTeams", summary = "List teams",
            description = "In creation order, optionally only `sales` or `marketing` teams. Roles: any.")
    public Uni<Page<TeamView>> listTeams(
            @Parameter(description = "Only teams with this function", schema = @Schema(enumeration = {"sales", "marketing"}))
            @QueryParam("function") String function,
            @BeanParam PageParams paging) {
        String f = Params.blankToNull(function);
        if (f != null && !f.equals("sales") && !f.equals("marketing")) {
            throw ProblemException.badParameter("function", "must be one of: sales, marketing");
        }
        return teams.list(f, paging.request());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getTeam", summary = "Get a team", description = "With an `ETag` for If-Match. Roles: any.")
    @APIResponse(responseCode = "200", description = "The team",
            content = @Content(schema = @Schema(implementation = TeamView.class)))
    public Uni<Response> getTeam(@PathParam("key") String key) {
        return teams.get(key).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "updateTeam", summary = "Replace a team",
            description = "Requires `If-Match`. Roles: admin, sales_manager.")
    @APIResponse(responseCode = "200", description = "The changed team",
            content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Invalid team; `errors` names each field")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateTeam(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TeamRequest body) {
        return teams.update(key, body, ifMatch, Principals.nameOf(identity)).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "deleteTeam", summary = "Delete a team",
            description = "Requires `If-Match`. A team that leads still belong to is refused with 409 "
                    + "(`urn:accord:problem:in-use`). Roles: admin, sales_manager.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still in use")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> deleteTeam(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return teams.delete(key, ifMatch, Principals.nameOf(identity)).map(v -> Response.noContent().build());
    }
}
