package io.accord.security;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is and what its roles allow. */
@Schema(name = "Me")
public record MeView(
        @Schema(required = true, description = "The caller's stable name, as in the audit log: `apikey:<id>`, "
                + "`bootstrap-admin`, or the bearer token's subject", example = "apikey:6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6")
        String principal,
        @Schema(required = true, description = "How the caller authenticated", enumeration = {"api_key", "jwt"},
                example = "api_key") String kind,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = RoleName.class, example = "[\"viewer\"]")
        List<String> roles,
        @Schema(required = true, nullable = true, description = "The team an API key is bound to",
                example = "emea-sales") String teamKey,
        @Schema(required = true, nullable = true, description = "The key's name, or the token's `name` claim",
                example = "alert-board") String displayName,
        @Schema(required = true, description = "The operations the caller's roles allow, by path") List<OperationView> operations) {

    /** A role's wire name, as the items of {@code roles}. */
    @Schema(name = "Role", type = SchemaType.STRING,
            enumeration = {"admin", "marketing", "sales", "sales_manager", "integrator", "viewer"})
    static final class RoleName {
        private RoleName() {
        }
    }

    /** One operation of the contract. */
    @Schema(name = "MeOperation")
    public record OperationView(
            @Schema(required = true, example = "listAlerts") String operationId,
            @Schema(required = true, enumeration = {"GET", "POST", "PUT", "DELETE"}, example = "GET") String method,
            @Schema(required = true, example = "/api/v1/alerts") String path) {
    }
}
