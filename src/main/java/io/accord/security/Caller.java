package io.accord.security;

import io.accord.common.IdentityAttributes;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who a caller is, as far as Accord's rules care: what {@code /me} shows and what a stream token carries over to the
 * identity it stands in for.
 */
public record Caller(String principal, String kind, Set<String> roles, String teamKey, String displayName,
        UUID apiKeyId, Instant credentialExpiresAt) {

    public static Caller of(SecurityIdentity identity) {
        String kind = identity.getAttribute(IdentityAttributes.KIND);
        if (kind == null) {
            kind = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken
                    ? IdentityAttributes.KIND_JWT : IdentityAttributes.KIND_API_KEY;
        }
        return new Caller(identity.getPrincipal().getName(), kind, new TreeSet<>(identity.getRoles()),
                identity.getAttribute(IdentityAttributes.TEAM_KEY), identity.getAttribute(IdentityAttributes.DISPLAY_NAME),
                identity.getAttribute(IdentityAttributes.API_KEY_ID),
                identity.getAttribute(IdentityAttributes.CREDENTIAL_EXPIRES_AT));
    }

    /** An identity with the same principal name, roles and attributes as the credential this caller presented. */
    SecurityIdentity toIdentity() {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(roles)
                .addAttribute(IdentityAttributes.KIND, kind);
        if (teamKey != null) {
            builder.addAttribute(IdentityAttributes.TEAM_KEY, teamKey);
        }
        if (displayName != null) {
            builder.addAttribute(IdentityAttributes.DISPLAY_NAME, displayName);
        }
        if (apiKeyId != null) {
            builder.addAttribute(IdentityAttributes.API_KEY_ID, apiKeyId);
        }
        if (credentialExpiresAt != null) {
            builder.addAttribute(IdentityAttributes.CREDENTIAL_EXPIRES_AT, credentialExpiresAt);
        }
        return builder.build();
    }
}
