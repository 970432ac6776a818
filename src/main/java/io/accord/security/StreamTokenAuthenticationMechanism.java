package io.accord.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads a stream token from {@code ?token=}, on {@code GET /api/v1/alerts/stream} only: a browser's EventSource cannot
 * send an {@code Authorization} header. Everywhere else a {@code token} parameter is ignored, so tokens cannot become
 * general credentials in URLs.
 */
@ApplicationScoped
public class StreamTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String PATH = "/api/v1/alerts/stream";
    static final String PARAMETER = "token";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().method() != HttpMethod.GET || !PATH.equals(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        String token = context.request().getParam(PARAMETER);
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new StreamTokenCredential(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", ApiKeyAuthenticationMechanism.SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StreamTokenCredential.class);
    }
}
