package io.accord.audit;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Page;
import io.accord.common.PageParams;
import io.accord.common.PageRequest;
import io.accord.common.Params;
import io.accord.common.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@DetachFromClientCancellation
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditEvents", summary = "List the audit log",
            description = "Every write through the API, oldest first. Roles: admin.")
    public Uni<Page<AuditEventView>> listAuditEvents(
            @Parameter(description = "Only events about this resource type, e.g. `api_key`") @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Only events about this resource id or key") @QueryParam("resourceId") String resourceId,
            @Parameter(description = "Only events by this principal, e.g. `apikey:<id>`") @QueryParam("actor") String actor,
            @Parameter(description = "Only events at or after this instant (RFC 3339)") @QueryParam("since") String since,
            @BeanParam PageParams paging) {
        PageRequest page = paging.request();
        return audit.list(new AuditFilter(Params.blankToNull(resourceType), Params.blankToNull(resourceId),
                Params.blankToNull(actor), Params.instant("since", since)), page);
    }
}
