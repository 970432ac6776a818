package io.accord.sla;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.common.ProblemException;
import io.accord.common.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla-clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
@DetachFromClientCancellation
public class SlaClockResource {

    private static final Set<String> STATUSES = Set.of("running", "met", "breached", "cancelled", "paused",
            "reassigned");

    private final SlaService sla;

    public SlaClockResource(SlaService sla) {
        this.sla = sla;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "listSlaClocks", summary = "The SLA board: clocks by due date",
            description = "Ordered by `dueAt`, then id, not by creation: the board shows what breaches first "
                    + "(`?status=running&dueBefore=…`). `overdue` is true for a clock still open past its due date. "
                    + "`ownerId` and `teamKey` of a running clock follow the lead's reassignments. Roles: any.")
    public Uni<Page<ClockView>> listSlaClocks(
            @Parameter(description = "Clock status", schema = @Schema(enumeration = {"running", "met", "breached",
                "cancelled", "paused", "reassigned"})) @QueryParam("status") String status,
            @Parameter(description = "RFC 3339; only clocks due before this instant") @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "Owner's user id") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "Team key") @QueryParam("teamKey") String teamKey,
            @Parameter(description = "Milestone", schema = @Schema(enumeration = {"first_touch", "decision", "attempts",
                "qualification", "next_response"})) @QueryParam("milestone") String milestone,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Cursor from the previous page's `nextCursor`") @QueryParam("cursor") String cursor) {
        String s = Params.blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw ProblemException.badParameter("status",
                    "must be one of: running, met, breached, cancelled, paused, reassigned");
        }
        String m = Params.blankToNull(milestone);
        if (m != null && Milestone.parse(m).isEmpty()) {
            throw ProblemException.badParameter("milestone", "must be one of: first_touch, decision, attempts, qualification, next_response");
        }
        return sla.board(s, Params.instant("dueBefore", dueBefore), Params.blankToNull(ownerId),
                Params.blankToNull(teamKey), m, PageRequest.parse(limit, cursor));
    }
}
