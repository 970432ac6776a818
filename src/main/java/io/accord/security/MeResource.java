package io.accord.security;

import io.accord.common.DetachFromClientCancellation;
import io.accord.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@DetachFromClientCancellation
public class MeResource {

    private final OperationCatalog catalog;
    private final SecurityIdentity identity;

    public MeResource(OperationCatalog catalog, SecurityIdentity identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATOR, Roles.VIEWER})
    @Operation(operationId = "getMe", summary = "Who am I, and what may I do",
            description = "The caller's principal, how it authenticated, its roles and team, and the operations its "
                    + "roles allow (from the same role declarations the server enforces), so a frontend can offer only "
                    + "what works. Some operations check more than the role (e.g. approving an ICP version for a side). "
                    + "Roles: any.")
    public MeView getMe() {
        Caller caller = Caller.of(identity);
        return new MeView(caller.principal(), caller.kind(), List.copyOf(caller.roles()), caller.teamKey(),
                caller.displayName(), catalog.allowedFor(caller.roles()).stream()
                        .map(e -> new MeView.OperationView(e.operationId(), e.method(), e.path())).toList());
    }
}
