package io.accord.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.IdentityAttributes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a verified bearer token its Accord roles ({@link JwtRoles}: the configured roles claim, mapped) and the
 * attributes every identity carries: kind {@code jwt}, {@code credentialExpiresAt} (the token's {@code exp}) and a
 * display name ({@code name} or {@code preferred_username}).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a bad role map stops the service at start, not at the first token
public class JwtIdentityAugmentor implements SecurityIdentityAugmentor {

    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final JwtRoles roles;
    private final ObjectMapper json;

    public JwtIdentityAugmentor(AuthSettings config, ObjectMapper json) {
        this.roles = new JwtRoles(config.jwt().rolesClaim(), config.jwt().roleMap());
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Map<String, Object> claims = claims(jwt);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles.rolesOf(claims))
                .addAttribute(IdentityAttributes.KIND, IdentityAttributes.KIND_JWT);
        if (jwt.getExpirationTime() > 0) {
            builder.addAttribute(IdentityAttributes.CREDENTIAL_EXPIRES_AT, Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        Object name = claims.getOrDefault("name", claims.get("preferred_username"));
        if (name instanceof String s && !s.isBlank()) {
            builder.addAttribute(IdentityAttributes.DISPLAY_NAME, s);
        }
        return Uni.createFrom().item(builder.build());
    }

    /** The token's claims as plain maps and lists; SmallRye JWT has verified the token already. */
    private Map<String, Object> claims(JsonWebToken jwt) {
        try {
            String[] parts = jwt.getRawToken().split("\\.");
            return json.readValue(Base64.getUrlDecoder().decode(parts[1]), CLAIMS);
        } catch (Exception e) {
            throw new AuthenticationFailedException("unreadable token claims");
        }
    }
}
