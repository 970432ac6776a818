package io.accord.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lifecycle actions. */
public final class LeadActions {

    private LeadActions() {
    }

    @Schema(name = "HandOffRequest", description = "Optionally sets the owner and team as the lead is handed off")
    public record HandOff(
            @Size(max = 200) @Schema(example = "u-2001") String ownerId,
            @Size(max = 64) @Schema(example = "emea-inbound") String teamKey) {
    }

    @Schema(name = "RejectRequest")
    public record Reject(
            @NotNull @Pattern(regexp = "not_icp_fit|bad_contact_data|duplicate|no_budget|no_authority|competitor|other",
                    message = "must be one of: not_icp_fit, bad_contact_data, duplicate, no_budget, no_authority, "
                            + "competitor, other")
            @Schema(example = "no_budget", required = true, enumeration = {"not_icp_fit", "bad_contact_data",
                "duplicate", "no_budget", "no_authority", "competitor", "other"}) String reason,
            @Size(max = 2000) @Schema(example = "Budget frozen until Q3", description = "Required when the reason is "
                    + "`other`") String note) {
    }

    @Schema(name = "CloseRequest")
    public record Close(
            @NotNull @Pattern(regexp = "won|lost", message = "must be one of: won, lost")
            @Schema(example = "won", required = true, enumeration = {"won", "lost"}) String outcome) {
    }

    @Schema(name = "HoldRequest", description = "Puts a lead on hold: its holdable SLA clocks pause")
    public record Hold(
            @NotBlank @Size(max = 500) @Schema(example = "Waiting for the prospect's legal review", required = true)
            String reason,
            @Schema(example = "2026-11-23T09:00:00Z", description = "When the hold ends by itself: "
                    + "after now and at most 366 days ahead; omitted: until resumed") Instant until) {
    }

    @Schema(name = "InboundMessageRequest", description = "The prospect wrote")
    public record Inbound(
            @NotNull @Pattern(regexp = "email|call|chat|form|social|other",
                    message = "must be one of: email, call, chat, form, social, other")
            @Schema(example = "email", required = true, enumeration = {"email", "call", "chat", "form", "social",
                "other"}) String channel,
            @NotNull @Schema(example = "2026-11-20T16:30:00Z", required = true, description = "When the prospect "
                    + "wrote; at most one minute in the future (clock skew)") Instant occurredAt) {
    }

    @Schema(name = "AssignRequest", description = "At least one of the two; a given value replaces the current one")
    public record Assign(
            @Size(max = 200) @Schema(example = "u-2002") String ownerId,
            @Size(max = 64) @Schema(example = "emea-inbound") String teamKey) {
    }
}
