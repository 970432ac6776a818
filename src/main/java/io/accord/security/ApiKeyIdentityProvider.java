package io.accord.security;

import io.accord.common.IdentityAttributes;
import io.accord.common.Principals;
import io.accord.common.Roles;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an API key into an identity: the bootstrap admin key from configuration, or a stored, unrevoked key looked up
 * by its SHA-256 hash (keys are 256-bit random, so a fast hash is safe) through {@link ApiKeyCache}. A revocation on any
 * replica takes effect on the next request. API-key identities carry the attribute {@code apiKeyId} (a UUID).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    static final String BOOTSTRAP_PRINCIPAL = "bootstrap-admin";
    static final int MIN_BOOTSTRAP_LENGTH = 32;

    private final ApiKeyCache cache;
    private final Optional<byte[]> bootstrapHash;

    ApiKeyIdentityProvider(ApiKeyCache cache, BootstrapSettings config) {
        this.cache = cache;
        this.bootstrapHash = config.bootstrapAdminKey().filter(k -> !k.isBlank()).map(ApiKeySecrets::hash);
        config.bootstrapAdminKey().filter(k -> !k.isBlank() && k.length() < MIN_BOOTSTRAP_LENGTH).ifPresent(k -> {
            throw new IllegalStateException("ACCORD_BOOTSTRAP_ADMIN_KEY must be at least " + MIN_BOOTSTRAP_LENGTH
                    + " characters long");
        });
    }

    void validateOnStart(@Observes StartupEvent event) {
        // Constructing the bean checks the bootstrap key, so a short key stops the service at start-up.
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential request, AuthenticationRequestContext context) {
        byte[] hash = ApiKeySecrets.hash(request.key());
        if (bootstrapHash.isPresent() && MessageDigest.isEqual(bootstrapHash.get(), hash)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(BOOTSTRAP_PRINCIPAL))
                    .addRole(Roles.ADMIN)
                    .addAttribute(IdentityAttributes.KIND, IdentityAttributes.KIND_API_KEY)
                    .addAttribute(IdentityAttributes.DISPLAY_NAME, "bootstrap admin key")
                    .build());
        }
        if (!request.key().startsWith(ApiKeySecrets.PREFIX)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
        }
        return cache.find(HexFormat.of().formatHex(hash)).map(found -> {
            ApiKeyCache.ActiveKey key = found.orElseThrow(() -> new AuthenticationFailedException("invalid API key"));
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(Principals.apiKeyPrincipal(key.id())))
                    .addAttribute(IdentityAttributes.KIND, IdentityAttributes.KIND_API_KEY)
                    .addAttribute(IdentityAttributes.DISPLAY_NAME, key.name())
                    .addAttribute(IdentityAttributes.API_KEY_ID, key.id());
            key.roles().forEach(identity::addRole);
            if (key.teamKey() != null) {
                identity.addAttribute(IdentityAttributes.TEAM_KEY, key.teamKey());
            }
            return identity.build();
        });
    }

}
