package io.accord.icp;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Approves or rejects a proposed version for one side. */
@Schema(name = "IcpDecisionRequest")
public record IcpDecisionRequest(
        @NotNull @Pattern(regexp = "marketing|sales", message = "must be one of: marketing, sales")
        @Schema(description = "The side you sign for: `marketing` needs the marketing role, `sales` the sales or "
                + "sales_manager role", example = "marketing", required = true, enumeration = {"marketing", "sales"})
        String side,
        @Size(max = 2000) @Schema(example = "Matches what closed last quarter", nullable = true, maxLength = 2000)
        String comment,
        @Schema(description = "Approve even though the version's latest backtest scored an older edit of it "
                + "(ignored by reject). Without it such an approval is a 409 `urn:accord:problem:stale-evidence`.",
                example = "false", nullable = true, defaultValue = "false")
        Boolean acknowledgeStale) {

    /** Whether stale evidence is acknowledged (absent means no). */
    boolean staleAcknowledged() {
        return Boolean.TRUE.equals(acknowledgeStale);
    }
}
