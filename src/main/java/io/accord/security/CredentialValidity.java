package io.accord.security;

import io.accord.common.Principals;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whether the credential behind an identity still holds, for work that outlives its request (live streams): an API
 * key must not have been revoked since (asked through {@link ApiKeyCache}, which a revocation on any replica clears at
 * once), a bearer token must not have expired.
 */
@ApplicationScoped
public class CredentialValidity {

    private final ApiKeyCache keys;
    private final Clock wallClock = Clock.systemUTC();

    CredentialValidity(ApiKeyCache keys) {
        this.keys = keys;
    }

    /**
     * A check of {@code identity}'s credential that can be asked again and again after the request. Call it while the
     * request is active: it reads the identity's attributes now.
     */
    public Supplier<Uni<Boolean>> watch(SecurityIdentity identity) {
        Object keyId = identity.getAttribute(Principals.API_KEY_ID);
        Object expiresAt = identity.getAttribute(Principals.CREDENTIAL_EXPIRES_AT);
        UUID key = keyId instanceof UUID id ? id : null;
        Instant expiry = expiresAt instanceof Instant at ? at : null;
        return () -> {
            if (expiry != null && !wallClock.instant().isBefore(expiry)) {
                return Uni.createFrom().item(Boolean.FALSE);
            }
            return key == null ? Uni.createFrom().item(Boolean.TRUE) : keys.isActive(key);
        };
    }
}
