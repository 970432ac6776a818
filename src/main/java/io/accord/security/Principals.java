package io.accord.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** How callers are named in the audit log, approvals and idempotency records. */
public final class Principals {

    /** Identity attribute of API-key principals: the key's id ({@link UUID}). */
    public static final String API_KEY_ID = "apiKeyId";

    /** Identity attribute of bearer-token principals: when the token expires ({@link java.time.Instant}). */
    public static final String CREDENTIAL_EXPIRES_AT = "credentialExpiresAt";

    private Principals() {
    }

    static String apiKeyPrincipal(UUID id) {
        return "apikey:" + id;
    }

    /** The stable name of the caller: {@code apikey:<id>}, {@code bootstrap-admin}, or the JWT's principal name. */
    public static String nameOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
