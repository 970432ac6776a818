package io.accord.security;

import io.accord.common.AccordConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an API key into an identity: the bootstrap admin key from configuration, or a stored, unrevoked key looked up
 * by its SHA-256 hash (keys are 256-bit random, so a fast hash is safe). Revocation takes effect on the next request.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    static final String BOOTSTRAP_PRINCIPAL = "bootstrap-admin";
    static final int MIN_BOOTSTRAP_LENGTH = 32;

    private final Pool pool;
    private final Optional<byte[]> bootstrapHash;

    public ApiKeyIdentityProvider(Pool pool, AccordConfig config) {
        this.pool = pool;
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
        return pool.preparedQuery("select id, name, roles, team_key from api_keys where key_hash = $1 and revoked_at is null")
                .execute(Tuple.of(java.util.HexFormat.of().formatHex(hash)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("invalid API key");
                    }
                    Row row = rows.iterator().next();
                    UUID id = row.getUUID("id");
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(Principals.apiKeyPrincipal(id)))
                            .addAttribute(IdentityAttributes.KIND, IdentityAttributes.KIND_API_KEY)
                            .addAttribute(IdentityAttributes.API_KEY_ID, id)
                            .addAttribute(IdentityAttributes.DISPLAY_NAME, row.getString("name"));
                    Arrays.stream(row.getArrayOfStrings("roles")).forEach(identity::addRole);
                    String team = row.getString("team_key");
                    if (team != null) {
                        identity.addAttribute(IdentityAttributes.TEAM_KEY, team);
                    }
                    return identity.build();
                });
    }

}
