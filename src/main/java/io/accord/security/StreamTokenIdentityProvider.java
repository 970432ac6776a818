package io.accord.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a stream token into the identity of the caller it was issued to, with the same roles and attributes. */
@ApplicationScoped
public class StreamTokenIdentityProvider implements IdentityProvider<StreamTokenCredential> {

    private final StreamTokens tokens;

    public StreamTokenIdentityProvider(StreamTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<StreamTokenCredential> getRequestType() {
        return StreamTokenCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StreamTokenCredential request, AuthenticationRequestContext context) {
        return tokens.consume(request.token()).map(Caller::toIdentity);
    }
}
