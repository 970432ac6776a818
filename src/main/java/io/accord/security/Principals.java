package io.accord.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** How callers are named in the audit log, approvals and idempotency records. */
public final class Principals {

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
