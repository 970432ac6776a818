package io.accord.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds, signs and sends one webhook request; answers what happened without throwing. */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookSettings config;
    private final TargetPolicy targets;

    public WebhookSender(ObjectMapper json, Clock clock, WebhookSettings config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.targets = new TargetPolicy(config.allowPrivateTargets(),
                config.allowedHosts().orElse(Set.of()), InetAddress::getAllByName);
    }

    /** Why a URL may not be a target, or empty. */
    public Optional<String> refusal(String url) {
        return targets.refusal(url);
    }

    /** What a target answered. {@code statusCode} is null when no HTTP answer came. */
    public record Outcome(Integer statusCode, String error, long latencyMs, Duration retryAfter) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /**
     * Sends {@code {type, timestamp, data}} (or Slack's {@code {text}}) signed with every valid secret. The
     * {@code webhook-id} is stable per event, so receivers can deduplicate retries.
     */
    public Uni<Outcome> send(String url, String format, List<String> secrets, String messageId, String type,
            Instant eventAt, String data) {
        Optional<String> refused = targets.refusal(url);
        if (refused.isPresent()) {
            return Uni.createFrom().item(new Outcome(null, "target refused: url " + refused.get(), 0, null));
        }
        String body = body(format, type, eventAt, data);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Accord-Webhooks/1.0")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signAll(secrets, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> new Outcome(response.statusCode(), null, elapsed(started),
                        retryAfter(response.headers().firstValue("Retry-After").orElse(null))))
                .onFailure().recoverWithItem(e -> new Outcome(null, describe(e), elapsed(started), null));
    }

    String body(String format, String type, Instant eventAt, String data) {
        try {
            JsonNode alert = json.readTree(data);
            if ("slack".equals(format)) {
                ObjectNode slack = json.createObjectNode();
                slack.put("text", SlackText.of(type, field -> {
                    JsonNode value = alert.get(field);
                    return value == null || value.isNull() ? null : value.asText();
                }));
                return json.writeValueAsString(slack);
            }
            ObjectNode envelope = json.createObjectNode();
            envelope.put("type", type);
            envelope.put("timestamp", eventAt.toString());
            envelope.set("data", alert);
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root instanceof java.net.http.HttpTimeoutException ? "timeout"
                : root instanceof java.net.ConnectException ? "connection refused"
                : root instanceof java.io.IOException ? "connection failed" : "request failed";
        return root.getMessage() == null ? name : name + ": " + root.getMessage();
    }

    /** Seconds, or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
