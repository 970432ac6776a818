package io.accord.security;

import io.accord.common.Principals;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What SmallRye JWT leaves open about a bearer token's time claims: a token must have an {@code exp}, its {@code iat}
 * may not lie in the future beyond the allowed clock skew, and its lifetime ({@code exp - iat}, or what is left of it
 * when there is no {@code iat}) may not exceed the configured maximum. An accepted token's identity carries its expiry
 * as the attribute {@code credentialExpiresAt}, so a live stream can end when the token does. Token times are judged
 * by the wall clock, as SmallRye judges {@code exp}.
 */
@ApplicationScoped
public class BearerTokenLimits implements SecurityIdentityAugmentor {

    private final Duration maxLifetime;
    private final Duration skew;
    private final Clock wallClock = Clock.systemUTC();

    BearerTokenLimits(AuthSettings config) {
        this.maxLifetime = config.jwtMaxLifetime();
        this.skew = config.jwtClockSkew();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            Instant expiresAt = check(token.getIssuedAtTime(), token.getExpirationTime(), wallClock.instant());
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Principals.CREDENTIAL_EXPIRES_AT, expiresAt).build());
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** Checks a token's {@code iat} and {@code exp} (epoch seconds, 0 when absent) and answers when it expires. */
    Instant check(long issuedAt, long expiresAt, Instant now) {
        if (expiresAt <= 0) {
            throw new AuthenticationFailedException("bearer token without exp");
        }
        Instant exp = Instant.ofEpochSecond(expiresAt);
        if (issuedAt > 0 && Instant.ofEpochSecond(issuedAt).isAfter(now.plus(skew))) {
            throw new AuthenticationFailedException("bearer token issued in the future");
        }
        Instant from = issuedAt > 0 ? Instant.ofEpochSecond(issuedAt) : now;
        if (Duration.between(from, exp).compareTo(maxLifetime) > 0) {
            throw new AuthenticationFailedException("bearer token lives longer than allowed");
        }
        return exp;
    }
}
