package io.accord.common;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * How callers are named in the audit log, approvals and idempotency records. Shared vocabulary of every feature, so it
 * lives here rather than in {@code security}, which sets these names up.
 */
public final class Principals {

    /** The identity attribute that carries an API key's team. */
    public static final String TEAM_ATTRIBUTE = IdentityAttributes.TEAM_KEY;
    /** Identity attribute of API-key principals: the key's id ({@link UUID}). */
    public static final String API_KEY_ID = IdentityAttributes.API_KEY_ID;

    /** Identity attribute of bearer-token principals: when the token expires ({@link java.time.Instant}). */
    public static final String CREDENTIAL_EXPIRES_AT = IdentityAttributes.CREDENTIAL_EXPIRES_AT;

    private Principals() {
    }

    /** The principal name of a stored API key: {@code apikey:<id>}. */
    public static String apiKeyPrincipal(UUID id) {
        return "apikey:" + id;
    }

    /** The team an API key is bound to ({@code teamKey}), or null: the key writes only that team's leads. */
    public static String teamOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(TEAM_ATTRIBUTE);
    }

    /** The stable name of the caller: {@code apikey:<id>}, {@code bootstrap-admin}, or the JWT's principal name. */
    public static String nameOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
