package io.accord.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as the API shows it; {@code key} is present only in the response that created it. */
@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyView(
        UUID id,
        @Schema(example = "crm-sync") String name,
        @Schema(example = "[\"integrator\"]") List<String> roles,
        @Schema(example = "emea-sales", nullable = true) String teamKey,
        @Schema(description = "The first characters of the secret, to recognise the key", example = "acc_Xk3v9Q…") String hint,
        @Schema(example = "2026-11-22T09:30:00Z") Instant createdAt,
        @Schema(example = "bootstrap-admin") String createdBy,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(description = "The secret. Shown once, in the response that created the key; store it now.",
                example = "acc_Xk3v9Q2mZr8Tn4Wb7Yc1Pd6Lf0Hs5Ja2Ke9Ug3Vi8Ox", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    static ApiKeyView of(ApiKey k, String secret) {
        return new ApiKeyView(k.id, k.name, List.of(k.roles), k.teamKey, k.keyHint, k.createdAt, k.createdBy,
                k.revokedAt, secret);
    }
}
