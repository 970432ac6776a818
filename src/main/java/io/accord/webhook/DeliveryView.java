package io.accord.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,
        @Schema(example = "1042", description = "The event's id; also the `webhook-id` header as `msg_<id>`") String eventId,
        @Schema(example = "alert.created") String eventType,
        @Schema(example = "pending", enumeration = {"pending", "delivered", "failed", "cancelled"}) String status,
        @Schema(example = "2") int attempts,
        @Schema(nullable = true, example = "503") Integer lastStatusCode,
        @Schema(nullable = true, example = "connection refused") String lastError,
        @Schema(nullable = true, example = "120") Integer lastLatencyMs,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) Instant deliveredAt,
        Instant createdAt) {
}
