package io.accord.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a caller, to be checked by {@link ApiKeyIdentityProvider}. */
final class ApiKeyCredential extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyCredential(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
