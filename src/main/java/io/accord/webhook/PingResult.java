package io.accord.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookPing", description = "The outcome of one signed test request")
public record PingResult(
        @Schema(example = "true") boolean ok,
        @Schema(nullable = true, example = "200") Integer statusCode,
        @Schema(example = "85") long latencyMs,
        @Schema(nullable = true, example = "connection refused") String error) {
}
