package io.accord.sla;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
@DetachFromClientCancellation
public class LeadSlaResource {

    private final SlaService sla;

    public LeadSlaResource(SlaService sla) {
        this.sla = sla;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getLeadSla", summary = "A lead's SLA clocks and timeline",
            description = "Every clock of every hand-off of the lead, and a timeline of lifecycle actions, touches (the "
                    + "latest 500) and clock events (met, breached: the due date passed without the milestone, "
                    + "cancelled). `coverage` says whether a policy matched at the latest hand-off (`no_policy`: no "
                    + "clocks). Roles: any.")
    public Uni<LeadSlaView> getLeadSla(@PathParam("id") String id) {
        return sla.forLead(Params.uuid("Lead", id));
    }
}
