package io.accord.evidence;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Params;
import io.accord.common.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A backtest or backtest job by id. */
@Path("/api/v1/icp-backtests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ICPs")
@DetachFromClientCancellation
public class BacktestJobResource {

    private final BacktestService backtests;

    public BacktestJobResource(BacktestService backtests) {
        this.backtests = backtests;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getIcpBacktest", summary = "Get a backtest or its job's progress",
            description = "A queued or running job reports `leads` (the window's leads) and `processed`; a done "
                    + "one carries its `result`. A job whose replica stopped is picked up by another one. Kept 7 "
                    + "days. Roles: admin, marketing, sales, sales_manager, integrator, viewer.")
    @APIResponse(responseCode = "200", description = "The backtest",
            content = @Content(schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "404", description = "No such backtest, or its retention ended")
    public Uni<BacktestView> getIcpBacktest(
            @Parameter(description = "The backtest's id", example = "5b0e8a52-3c1e-4f7a-9d61-2a4b8c0d1e2f")
            @PathParam("id") String id) {
        return backtests.get(Params.uuid("Backtest", id));
    }
}
