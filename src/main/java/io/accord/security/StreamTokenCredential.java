package io.accord.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A stream token from {@code ?token=}, to be used up by {@link StreamTokenIdentityProvider}. */
final class StreamTokenCredential extends BaseAuthenticationRequest {

    private final String token;

    StreamTokenCredential(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
