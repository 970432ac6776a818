package io.accord.commitment;

import io.accord.common.PageParams;
import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Problem;
import io.accord.common.Principals;
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

@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments")
@DetachFromClientCancellation
public class CommitmentResource {

    static final String SEMANTICS = "A commitment promises `target` leads per period (`week`: Monday to Sunday, `month`, "
            + "`quarter`), with period boundaries at local midnight in the zone of `calendarKey`. `handed_off` counts "
            + "the leads handed off to sales in the period; `accepted` counts the leads sales accepted in the period "
            + "(the instant of acceptance decides, not the hand-off, so a closed period's figure never changes). A lead "
            + "is counted once per period, by its fit when the event happened (frozen at hand-off). `minTier` counts "
            + "only leads of that tier or better: with `icpKey`, in the order of the tier list of the ICP version the "
            + "lead was scored with (highest first); without, in label order (A is better than B). Alerts: "
            + "`commitment.at_risk` once per period when, after a quarter of the period's business time, the projection "
            + "is below target; `commitment.met` or "
            + "`commitment.missed` when a period closes (for periods closing after the commitment was created). Each "
            + "is raised exactly once, on any replica, and delivered like every alert (REST, stream, webhooks).";

    static final String WRITE_ROLES = "Roles: admin, marketing, sales_manager.";

    private final CommitmentService commitments;
    private final Idempotency idempotency;
    private final Pool pool;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService commitments, Idempotency idempotency, Pool pool,
            SecurityIdentity identity) {
        this.commitments = commitments;
        this.idempotency = idempotency;
        this.pool = pool;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES_MANAGER})
    @Operation(operationId = "createCommitment", summary = "Create a marketing commitment",
            description = SEMANTICS + " The team must be a marketing team; `startsOn` must be the first day of a period. "
                    + "Honours `Idempotency-Key`. " + WRITE_ROLES)
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "422", description = "Invalid: unknown calendar, team, ICP or tier; not a marketing "
            + "team; `startsOn` not a period start; or the `Idempotency-Key` was first used with a different request")
    public Uni<Response> createCommitment(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CommitmentRequest body) {
        String actor = Principals.nameOf(identity);
        return commitments.check(body).chain(checked -> idempotency.once(pool, actor, idempotencyKey, "POST",
                "/api/v1/commitments", body, Idempotency.Sensitivity.PLAIN, conn -> commitments.create(conn, checked, actor)
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/commitments/" + v.view().key()))))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listCommitments", summary = "List commitments",
            description = "Oldest first. Roles: any.")
    public Uni<Page<CommitmentView>> listCommitments(@BeanParam PageParams paging) {
        return commitments.list(paging.request());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getCommitment", summary = "Get a commitment",
            description = "By key or id, with an `ETag`. Roles: any.")
    @APIResponse(responseCode = "200", description = "The commitment",
            content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    public Uni<Response> getCommitment(@PathParam("key") String key) {
        return commitments.get(key).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES_MANAGER})
    @Operation(operationId = "updateCommitment", summary = "Replace a commitment",
            description = "Requires `If-Match`. The key cannot change. Periods and figures follow the new definition "
                    + "at once (also for past periods); alerts already raised stay. " + WRITE_ROLES)
    @APIResponse(responseCode = "200", description = "The commitment",
            content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Invalid")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateCommitment(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CommitmentRequest body) {
        return commitments.update(key, body, ifMatch, Principals.nameOf(identity)).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES_MANAGER})
    @Operation(operationId = "deleteCommitment", summary = "Delete a commitment",
            description = "Requires `If-Match`. Its alerts stay. " + WRITE_ROLES)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> deleteCommitment(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commitments.delete(key, ifMatch, Principals.nameOf(identity)).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{key}/periods")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listCommitmentPeriods", summary = "A commitment's periods with target, actual and projection",
            description = "The periods that have begun, newest first (the first is the open one). `attainment` is "
                    + "actual ÷ target in percent with one decimal; `projected` extrapolates the pace so far over the "
                    + "period's business time on the commitment's calendar (⌊actual × business time of the period ÷ "
                    + "business time elapsed⌋; a period without business time is paced by wall-clock time); a closed "
                    + "period is `met` or `missed`. " + SEMANTICS + " Roles: any.")
    public Uni<Page<CommitmentPeriodView>> listCommitmentPeriods(@PathParam("key") String key,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        int n = PageRequest.parse(limit, null).limit();
        return commitments.periods(key, n, cursor);
    }
}
