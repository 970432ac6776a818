package io.accord.icp;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scoring leads against ICPs. Nothing is stored. */
@Path("/api/v1/icps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ICPs")
@DetachFromClientCancellation
public class IcpEvaluationResource {

    /** The consistency promise, repeated in each evaluation operation's description. */
    static final String FRESHNESS = "Active versions are cached in memory on each replica, but every request first "
            + "checks a catalog generation that changes in the same transaction as every activation and retirement: "
            + "a request that starts after an activation or retirement committed, on any replica, is scored against "
            + "the new active set (read-your-writes across replicas, no stale window). ";

    private final IcpScoring scoring;

    public IcpEvaluationResource(IcpScoring scoring) {
        this.scoring = scoring;
    }

    @POST
    @Path("/{key}/evaluate")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "evaluateLead", summary = "Evaluate a lead against an ICP",
            description = "Scores the lead against the ICP's active version, or against `?version=n` (any existing "
                    + "version, drafts included, so a draft can be tried before it is proposed). The result explains "
                    + "itself: each criterion with whether it matched and the lead's value, and the attributes the "
                    + "lead lacks. " + FRESHNESS
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "`urn:accord:problem:invalid-parameter` (`version` is not a "
            + "positive integer) or `urn:accord:problem:invalid-body`")
    @APIResponse(responseCode = "404", description = "No such ICP or version")
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:conflict`: the ICP has no active version "
            + "and no `version` was asked for")
    public Uni<EvaluationView> evaluateLead(@PathParam("key") String key,
            @Parameter(description = "Evaluate against this version instead of the active one", example = "2")
            @QueryParam("version") String version,
            @Valid @NotNull LeadAttributesRequest body) {
        return scoring.evaluate(key, IcpApiSupport.versionParameter(version), body.toLead());
    }

    @POST
    @Path("/evaluate")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "evaluateLeadAgainstActiveIcps", summary = "Evaluate a lead against every active ICP",
            description = "One result per active ICP, highest score first, ties by ICP key (so the first item is "
                    + "the best score, qualified or not). " + FRESHNESS
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The evaluations; `items` is empty when no ICP is active",
            content = @Content(schema = @Schema(implementation = EvaluationListView.class)))
    public Uni<EvaluationListView> evaluateLeadAgainstActiveIcps(@Valid @NotNull LeadAttributesRequest body) {
        return scoring.evaluateAll(body.toLead());
    }

    @POST
    @Path("/{key}/evaluate-batch")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "evaluateLeadBatch", summary = "Evaluate up to 1000 leads against an ICP",
            description = "Like evaluateLead for each item, against the same version (one catalog check for the "
                    + "whole batch). `results` has one entry per item, in order: `result` for a valid item, or "
                    + "`problem` (a validation-error problem naming e.g. `items[3].company`) for an invalid one; an "
                    + "invalid item does not fail the batch. " + FRESHNESS
                    + "Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "One entry per item",
            content = @Content(schema = @Schema(implementation = EvaluationBatchView.class)))
    @APIResponse(responseCode = "404", description = "No such ICP or version")
    @APIResponse(responseCode = "409", description = "`urn:accord:problem:conflict`: the ICP has no active version "
            + "and no `version` was asked for")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error`: `items` is missing, "
            + "empty or longer than 1000")
    public Uni<EvaluationBatchView> evaluateLeadBatch(@PathParam("key") String key,
            @Parameter(description = "Evaluate against this version instead of the active one", example = "2")
            @QueryParam("version") String version,
            @Valid @NotNull EvaluationBatchRequest body) {
        return scoring.evaluateBatch(key, IcpApiSupport.versionParameter(version), body.items(),
                "/api/v1/icps/" + key + "/evaluate-batch");
    }
}
