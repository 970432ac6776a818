package io.accord.people;

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
import io.vertx.mutiny.sqlclient.Pool;
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

@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
@DetachFromClientCancellation
public class PeopleResource {

    static final String WRITE_ROLES = "Roles: admin, sales_manager.";

    private final PeopleService people;
    private final Idempotency idempotency;
    private final Pool pool;
    private final SecurityIdentity identity;

    public PeopleResource(PeopleService people, Idempotency idempotency, Pool pool, SecurityIdentity identity) {
        this.people = people;
        this.idempotency = idempotency;
        this.pool = pool;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "createPerson", summary = "Create a person",
            description = "`id` is the owner id leads already carry (`ownerId`). `teams` name existing teams (422 "
                    + "otherwise); a team is the pool that `onBreach.reassign` picks from. `calendar`, if given, is the "
                    + "person's own hours (IANA zone, several blocks a day, as in calendars). Inactive people are never "
                    + "assigned. Honours `Idempotency-Key`. " + WRITE_ROLES)
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "Invalid person; `errors` names each field")
    public Uni<Response> createPerson(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PersonRequest body) {
        String actor = Principals.nameOf(identity);
        return people.check(body, null).chain(checked -> idempotency.once(pool, actor, idempotencyKey, "POST",
                "/api/v1/people", body, Idempotency.Sensitivity.PLAIN, conn -> people.create(conn, checked, actor)
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/people/" + v.view().id()))))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listPeople", summary = "List people",
            description = "In creation order, optionally only the members of one team. Roles: any.")
    public Uni<Page<PersonView>> listPeople(
            @Parameter(description = "Only members of this team", example = "dach-sales") @QueryParam("team") String team,
            @BeanParam PageParams paging) {
        return people.list(Params.blankToNull(team), paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getPerson", summary = "Get a person", description = "With an `ETag` for If-Match. Roles: any.")
    @APIResponse(responseCode = "200", description = "The person",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Uni<Response> getPerson(@PathParam("id") String id) {
        return people.get(id).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "updatePerson", summary = "Replace a person",
            description = "Requires `If-Match`. Replaces the name, e-mail, teams, calendar and active flag. " + WRITE_ROLES)
    @APIResponse(responseCode = "200", description = "The changed person",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Invalid person; `errors` names each field")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updatePerson(@PathParam("id") String id,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PersonRequest body) {
        return people.update(id, body, ifMatch, Principals.nameOf(identity)).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "deletePerson", summary = "Delete a person",
            description = "Requires `If-Match`. Removes the person's memberships and absences; leads keep their "
                    + "`ownerId`. " + WRITE_ROLES)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> deletePerson(@PathParam("id") String id,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return people.delete(id, ifMatch, Principals.nameOf(identity)).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/absences")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "createAbsence", summary = "Record an out-of-office period",
            description = "`[startsAt, endsAt)`: while it lasts the person is not assigned leads, and reassignment on "
                    + "breach skips them. Honours `Idempotency-Key`. " + WRITE_ROLES)
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AbsenceView.class)))
    @APIResponse(responseCode = "422", description = "Invalid absence (for example `endsAt` not after `startsAt`)")
    public Uni<Response> createAbsence(@PathParam("id") String id,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull AbsenceRequest body) {
        String actor = Principals.nameOf(identity);
        return idempotency.once(pool, actor, idempotencyKey, "POST", "/api/v1/people/" + id + "/absences", body,
                Idempotency.Sensitivity.PLAIN, conn -> people.addAbsence(conn, id, body, actor)
                        .map(a -> Response.created(URI.create("/api/v1/people/" + id + "/absences/" + a.id()))
                                .entity(a).build()));
    }

    @GET
    @Path("/{id}/absences")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listAbsences", summary = "List a person's absences",
            description = "In the order they were recorded. Roles: any.")
    public Uni<Page<AbsenceView>> listAbsences(@PathParam("id") String id, @BeanParam PageParams paging) {
        return people.absences(id, paging.request());
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}/absences/{absenceId}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "deleteAbsence", summary = "Remove an absence", description = WRITE_ROLES)
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> deleteAbsence(@PathParam("id") String id, @PathParam("absenceId") String absenceId) {
        return people.deleteAbsence(id, Params.uuid("absenceId", absenceId), Principals.nameOf(identity))
                .map(v -> Response.noContent().build());
    }
}
