package io.accord.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.accord.support.DatabaseTestResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * A real OpenID provider for the tests ({@code no.nav.security:mock-oauth2-server}): discovery, token endpoint, JWKS,
 * RS256 keys. Accord verifies its tokens through the provider's key set over HTTP, as in production.
 *
 * <p>Key rotation as real providers do it (Keycloak, Entra, Auth0): the key set at {@link #KEYS_PATH} publishes the
 * current key and, after {@link #rotate()}, the next one as well, and tokens are then signed with the next key (a new
 * {@code kid}). mock-oauth2-server names each issuer's key after the issuer, so the next key is that of a second
 * issuer id, {@link #NEXT_KEY}, and tokens signed with it keep the real issuer's {@code iss}.
 */
public class OidcProviderResource extends DatabaseTestResource {

    static final String ISSUER_ID = "accord";
    static final String NEXT_KEY = "accord-next";
    static final String KEYS_PATH = "/" + ISSUER_ID + "/rotating-keys";

    static MockOAuth2Server server;
    private static final String ROTATED = "oidc-test.rotated";

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(super.start());
        server = new MockOAuth2Server(new OAuth2Config(), new KeySet());
        server.start();
        System.clearProperty(ROTATED);
        settings.put("mp.jwt.verify.issuer", issuer());
        settings.put("mp.jwt.verify.publickey.location", server.url(KEYS_PATH).toString());
        // Every unknown kid may refresh the key set at once (production: at most once a minute).
        settings.put("smallrye.jwt.jwks.forced-refresh-interval", "0");
        return settings;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
        super.stop();
    }

    static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** Publishes the next signing key next to the current one. */
    static void rotate() {
        // A system property, not a field: the test and this resource may live in different class loaders.
        System.setProperty(ROTATED, "true");
    }

    /** The provider's key set: the issuer's key, plus the next key once rotated. */
    static final class KeySet implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().equals(KEYS_PATH);
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            List<JWK> keys = new ArrayList<>(server.getConfig().getTokenProvider().publicJwkSet(ISSUER_ID).getKeys());
            if (Boolean.getBoolean(ROTATED)) {
                keys.addAll(server.getConfig().getTokenProvider().publicJwkSet(NEXT_KEY).getKeys());
            }
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200,
                    new JWKSet(keys).toString(true), null);
        }
    }
}
