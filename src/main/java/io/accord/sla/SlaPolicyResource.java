package io.accord.sla;

import io.accord.common.PageParams;
import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Idempotency;
import io.accord.common.Page;
import io.accord.common.Problem;
import io.accord.common.ProblemException;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/api/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
@DetachFromClientCancellation
public class SlaPolicyResource {

    static final String RULES = "Targets are business time on the policy's calendar (ISO 8601, whole seconds, at most "
            + "P366D). `warnAt` is a fraction of the target (0 < warnAt < 1); `escalateAfter` is business time after "
            + "the due date. At hand-off, among enabled policies whose conditions all match (an empty list matches "
            + "anything; countries compare with `company.country` ignoring case), the highest `priority` wins; ties go "
            + "to the policy with more non-empty conditions, then to the smaller key.";

    private final SlaPolicyService policies;
    private final SlaService sla;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public SlaPolicyResource(SlaPolicyService policies, SlaService sla, Idempotency idempotency, SecurityIdentity identity) {
        this.policies = policies;
        this.sla = sla;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "createSlaPolicy", summary = "Create an SLA policy",
            description = RULES + " The calendar must exist (422 naming `calendarKey`) and cannot be deleted while the "
                    + "policy uses it. Starts at revision 1. Honours `Idempotency-Key`. Roles: admin, sales_manager.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = SlaPolicyView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "422", description = "Invalid policy; `errors` names each field")
    public Uni<Response> createSlaPolicy(
            @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull SlaPolicyRequest body) {
        return idempotency.once(actor(), idempotencyKey, "POST", "/api/v1/sla-policies", body,
                () -> policies.create(body, actor())
                        .map(v -> v.respond(Response.created(URI.create("/api/v1/sla-policies/" + v.view().key())))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listSlaPolicies", summary = "List SLA policies", description = "In creation order. Roles: any.")
    public Uni<Page<SlaPolicyView>> listSlaPolicies(@BeanParam PageParams paging) {
        return policies.list(paging.request());
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "previewSlaPolicy", summary = "Which policy would apply to a lead, and its deadlines",
            description = "Give an existing lead (`leadId`, with its stored fit) or a lead as it would be pushed "
                    + "(`lead`, evaluated against the active ICPs now). Answers the policy and revision that a hand-off "
                    + "at `at` (default now) would select and the deadlines its clocks would get. Stores nothing. "
                    + RULES + " Roles: any.")
    @APIResponse(responseCode = "200", description = "The selection; `matched` false when no policy matches",
            content = @Content(schema = @Schema(implementation = SlaPreview.View.class)))
    @APIResponse(responseCode = "422", description = "Not exactly one of `leadId` and `lead`, or an invalid lead")
    public Uni<SlaPreview.View> previewSlaPolicy(@NotNull SlaPreview.Request body) {
        return sla.preview(body);
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getSlaPolicy", summary = "Get an SLA policy",
            description = "Its current revision, with an `ETag` for If-Match. Roles: any.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = SlaPolicyView.class)))
    public Uni<Response> getSlaPolicy(@PathParam("key") String key) {
        return policies.get(key).map(v -> v.respond(Response.ok()));
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "updateSlaPolicy", summary = "Replace an SLA policy (a new revision)",
            description = "Requires `If-Match`. Makes a new revision; clocks already running keep the revision they "
                    + "started with, later hand-offs use the new one. " + RULES + " Roles: admin, sales_manager.")
    @APIResponse(responseCode = "200", description = "The changed policy",
            content = @Content(schema = @Schema(implementation = SlaPolicyView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "422", description = "Invalid policy; `errors` names each field")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> updateSlaPolicy(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull SlaPolicyRequest body) {
        return policies.update(key, body, ifMatch, actor()).map(v -> v.respond(Response.ok()));
    }

    @DELETE
    // A delete answers no body or a problem: `Accept: application/problem+json` must not make it a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.SALES_MANAGER})
    @Operation(operationId = "deleteSlaPolicy", summary = "Delete an SLA policy",
            description = "Requires `If-Match`. A policy that has started clocks is refused with 409 "
                    + "(`urn:accord:problem:in-use`); disable it instead (`enabled: false`). Roles: admin, sales_manager.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Clocks use the policy")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> deleteSlaPolicy(@PathParam("key") String key,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return policies.delete(key, ifMatch, actor()).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{key}/revisions")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listSlaPolicyRevisions", summary = "List a policy's revisions",
            description = "In revision order (which is creation order). Roles: any.")
    public Uni<Page<SlaPolicyRevisionView>> listSlaPolicyRevisions(@PathParam("key") String key,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        return policies.revisions(key, limit, cursor);
    }

    @GET
    @Path("/{key}/revisions/{revision}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getSlaPolicyRevision", summary = "Get one revision of a policy", description = "Roles: any.")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(schema = @Schema(implementation = SlaPolicyRevisionView.class)))
    public Uni<SlaPolicyRevisionView> getSlaPolicyRevision(@PathParam("key") String key,
            @PathParam("revision") String revision) {
        int n;
        try {
            n = Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Revision of SLA policy '" + key + "'", revision);
        }
        return policies.revision(key, n);
    }

    private String actor() {
        return Principals.nameOf(identity);
    }
}
