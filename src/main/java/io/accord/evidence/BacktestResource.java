package io.accord.evidence;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Principals;
import io.accord.common.ProblemException;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Backtesting an ICP version on the leads already handed off. */
@Path("/api/v1/icps/{key}/versions/{n}/backtest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "ICPs")
@DetachFromClientCancellation
public class BacktestResource {

    private final BacktestService backtests;
    private final SecurityIdentity identity;

    public BacktestResource(BacktestService backtests, SecurityIdentity identity) {
        this.backtests = backtests;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER})
    @Operation(operationId = "backtestIcpVersion", summary = "Backtest a version on past leads",
            description = "Scores every lead handed off in [`from`, `to`) (optionally only one source, team or "
                    + "country) with this version's criteria, drafts included, and compares the outcome by tier with "
                    + "the fit recorded on each lead at hand-off (the version active then): leads, accepted, "
                    + "qualified, won and rejected rates, top rejection reasons, median time to first touch, lift "
                    + "against all leads, the score histogram; per criterion, the outcome of leads that matched it "
                    + "against those that did not; and suggestions: values of attributes no criterion uses whose "
                    + "leads won notably more or less often. Leads are scored with the attributes they had when they "
                    + "were handed off (leads handed off before Accord kept that copy: their current attributes); "
                    + "erased leads are left out. A window of at most "
                    + "`accord.evidence.sync-max-leads` leads (50,000 by default) answers 200 with the result; a "
                    + "larger one answers 202 and runs as a job whose `Location` reports its progress. The result is "
                    + "kept 7 days; proposing and approving the version record its latest backtest. "
                    + "Roles: admin, marketing, sales, sales_manager.")
    @APIResponse(responseCode = "200", description = "Done in the request: the backtest with its result",
            headers = @Header(name = "Location", description = "The backtest", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "202", description = "Queued as a job: `status` is `queued`; poll `Location`",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "404", description = "No such ICP or version")
    @APIResponse(responseCode = "422", description = "`urn:accord:problem:validation-error`: `from`/`to` missing, "
            + "out of range, or `to` not after `from`")
    public Uni<Response> backtestIcpVersion(@PathParam("key") String key,
            @Parameter(description = "Version number", example = "3") @PathParam("n") String n,
            @Valid @NotNull BacktestRequest body) {
        return backtests.start(key, version(n), body, Principals.nameOf(identity)).map(started -> Response
                .status(started.queued() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/api/v1/icp-backtests/" + started.view().id()))
                .entity(started.view()).build());
    }

    static int version(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.notFound("Version", value);
    }
}
