package io.accord.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a webhook subscription ({@code key} required) or replaces one. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lowercase slug (a-z, 0-9, -)")
        @Schema(example = "crm-breaches", description = "Unique slug; required on create") String key,
        @NotBlank @Size(max = 2000) @Schema(example = "https://hooks.example.com/accord", required = true) String url,
        @Size(max = 500) @Schema(example = "Breaches to the CRM") String description,
        @Size(max = 20) @Schema(description = "Alert kinds, `alert.acknowledged` / `alert.resolved` and `lead.reassigned`; empty means all",
                example = "[\"sla.breached\", \"sla.escalated\"]")
        List<@NotNull @Pattern(regexp = "sla\\.warning|sla\\.breached|sla\\.escalated|commitment\\.at_risk|commitment\\.missed"
                + "|commitment\\.met|webhook\\.disabled|icp\\.drift|alert\\.acknowledged|alert\\.resolved|lead\\.reassigned",
                message = "must be an alert kind, alert.acknowledged, alert.resolved or lead.reassigned") String> eventTypes,
        @Valid Filters filters,
        @Pattern(regexp = "standard|slack", message = "must be standard or slack")
        @Schema(example = "standard", enumeration = {"standard", "slack"},
                description = "`standard`: Standard Webhooks JSON `{type, timestamp, data}`; `slack`: `{\"text\": …}`")
        String format,
        @Schema(example = "true", description = "Default true") Boolean enabled) {

    /** Which alerts the subscription wants; empty lists match everything. */
    @Schema(name = "WebhookFilters")
    public record Filters(
            @Size(max = 100) @Schema(example = "[\"emea-sales\"]") List<@NotBlank String> teamKeys,
            @Size(max = 10) @Schema(example = "[\"A\", \"B\"]") List<@NotBlank String> tiers) {
    }
}
