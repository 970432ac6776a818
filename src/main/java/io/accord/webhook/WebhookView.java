package io.accord.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookView(
        UUID id,
        @Schema(example = "crm-breaches") String key,
        @Schema(example = "https://hooks.example.com/accord") String url,
        @Schema(nullable = true, example = "Breaches to the CRM") String description,
        List<String> eventTypes,
        WebhookRequest.Filters filters,
        @Schema(example = "standard") String format,
        boolean enabled,
        @Schema(nullable = true, example = "the endpoint answered 410 Gone") String disabledReason,
        @Schema(nullable = true, description = "Since when deliveries have been failing") Instant failingSince,
        @Schema(description = "The principal that created the subscription and, with admins, the only one who sees and "
                + "manages it (`apikey:<id>`, a token subject, or `bootstrap-admin` for subscriptions older than "
                + "ownership)", example = "apikey:0b7d7c4e-5f7e-4b8a-9a57-2f1c1a0e9d11") String owner,
        @Schema(nullable = true, description = "The team of the creating principal, when it has one",
                example = "emea-sales") String ownerTeamKey,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The signing secret; only in the responses that create it or rotate it",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
}
