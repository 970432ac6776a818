package io.accord.common;

/**
 * Names of the {@link io.quarkus.security.identity.SecurityIdentity} attributes Accord sets, whatever the credential
 * (API key, bearer token, or a stream token standing in for either). Other features read them to keep rights
 * governing long-lived work, e.g. a live stream ends when its key is revoked or its credential expires.
 */
public final class IdentityAttributes {

    /** {@link java.util.UUID}: the stored API key behind the identity (absent for JWTs and the bootstrap key). */
    public static final String API_KEY_ID = "apiKeyId";
    /** {@link java.time.Instant}: when the bearer token behind the identity expires (its {@code exp}); JWTs only. */
    public static final String CREDENTIAL_EXPIRES_AT = "credentialExpiresAt";
    /** String: {@code api_key} or {@code jwt}. */
    public static final String KIND = "credentialKind";
    /** String: the team an API key is bound to. */
    public static final String TEAM_KEY = "teamKey";
    /** String: a human name for the caller (the key's name, the token's {@code name}). */
    public static final String DISPLAY_NAME = "displayName";

    public static final String KIND_API_KEY = "api_key";
    public static final String KIND_JWT = "jwt";

    private IdentityAttributes() {
    }
}
