package io.accord.security;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stream token as issued: the secret, shown once, and when it stops working if unused. */
@Schema(name = "StreamToken", description = "A single-use token for `GET /api/v1/alerts/stream?token=…`")
public record StreamTokenView(
        @Schema(required = true, description = "The token. Works once, for the live alert stream only; never logged.",
                pattern = "^ast_[A-Za-z0-9_-]{43}$", example = "ast_Xk3v9Q2mZr8Tn4Wb7Yc1Pd6Lf0Hs5Ja2Ke9Ug3Vi8Ox")
        String token,
        @Schema(required = true, description = "When the token expires if unused (at most the configured time to "
                + "live, and never after the bearer token it was issued for)", example = "2026-11-22T09:31:00Z")
        Instant expiresAt) {
}
