package io.accord.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens from a real OpenID provider started by the test ({@link OidcProviderResource}), in the shapes real
 * providers give them: Keycloak realm and client roles, Auth0 namespaced claims, provider role names mapped to Accord's.
 */
@QuarkusTest
@TestProfile(OidcProviderTest.Provider.class)
class OidcProviderTest {

    static final String AUTH0_CLAIM = "https://accord.example/roles";

    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "accord.auth.jwt.roles-claim", "realm_access.roles,resource_access.accord-frontend.roles," + AUTH0_CLAIM,
                    "accord.auth.jwt.role-map.accord-admins", "admin",
                    "accord.auth.jwt.role-map.\"Sales.Manager\"", "sales_manager",
                    "accord.auth.jwt.role-map.marketing-team", "marketing,viewer",
                    // Every unknown kid may refresh the key set at once (production: at most once a minute).
                    "smallrye.jwt.jwks.forced-refresh-interval", "0",
                    // Seen at build time, so that SmallRye JWT's test-mode in-memory key pair (which would win over
                    // any key location) is not generated; OidcProviderResource sets the provider's real URL.
                    "mp.jwt.verify.publickey.location", "http://localhost:1/replaced-by-the-test-resource");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcProviderResource.class));
        }
    }

    private static String token(String keyOf, String subject, Map<String, Object> claims, long lifetimeSeconds) {
        java.util.HashMap<String, Object> all = new java.util.HashMap<>(claims);
        all.put("iss", OidcProviderResource.issuer());
        return OidcProviderResource.server.issueToken(keyOf, "accord-frontend", new DefaultOAuth2TokenCallback(
                keyOf, subject, "JWT", List.of("accord"), all, lifetimeSeconds)).serialize();
    }

    private static RequestSpecification bearer(String token) {
        return Api.anonymous().header("Authorization", "Bearer " + token);
    }

    @Test
    void keycloakRealmRolesAreMappedAndUnknownOnesDropped() {
        String token = token(OidcProviderResource.ISSUER_ID, "kc-user", Map.of("realm_access",
                Map.of("roles", List.of("accord-admins", "viewer", "offline_access", "uma_authorization"))), 300);
        bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("jwt"))
                .body("principal", equalTo("kc-user"))
                .body("roles", equalTo(List.of("admin", "viewer")));
        bearer(token).get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void keycloakClientRolesWithADottedNameAreMapped() {
        String token = token(OidcProviderResource.ISSUER_ID, "kc-manager", Map.of("resource_access",
                Map.of("accord-frontend", Map.of("roles", List.of("Sales.Manager")))), 300);
        bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("sales_manager")));
    }

    @Test
    void anAuth0NamespacedClaimIsReadAsOneName() {
        String token = token(OidcProviderResource.ISSUER_ID, "auth0|42", Map.of(AUTH0_CLAIM, List.of("marketing-team")), 300);
        bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("principal", equalTo("auth0|42"))
                .body("roles", equalTo(List.of("marketing", "viewer")));
    }

    @Test
    void onlyUnmappedProviderRolesMeanNoRolesAtAll() {
        String token = token(OidcProviderResource.ISSUER_ID, "stranger", Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "superuser"))), 300);
        bearer(token).get("/api/v1/me").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theGroupsClaimCountsOnlyWhenConfigured() {
        String token = token(OidcProviderResource.ISSUER_ID, "grouped", Map.of("groups", List.of("admin")), 300);
        bearer(token).get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void aTokenFromTheProvidersTokenEndpointWorks() {
        OidcProviderResource.server.enqueueCallback(new DefaultOAuth2TokenCallback(OidcProviderResource.ISSUER_ID,
                "crm-sync", "JWT", List.of("accord"), Map.of("realm_access", Map.of("roles", List.of("integrator"))), 300));
        String accessToken = RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "crm-sync")
                .formParam("client_secret", "secret").formParam("scope", "accord")
                .post(OidcProviderResource.server.tokenEndpointUrl(OidcProviderResource.ISSUER_ID).toString())
                .then().statusCode(200).extract().path("access_token");
        bearer(accessToken).get("/api/v1/me").then().statusCode(200)
                .body("principal", equalTo("crm-sync"))
                .body("roles", equalTo(List.of("integrator")));
    }

    @Test
    void aStreamTokenNeverOutlivesTheProvidersToken() throws Exception {
        String token = token(OidcProviderResource.ISSUER_ID, "short-lived", Map.of("realm_access",
                Map.of("roles", List.of("viewer"))), 20);
        long exp = com.nimbusds.jwt.SignedJWT.class.cast(parse(token)).getJWTClaimsSet().getExpirationTime().toInstant()
                .getEpochSecond();
        String expiresAt = bearer(token).post("/api/v1/alerts/stream-tokens").then().statusCode(201)
                .extract().path("expiresAt");
        assertEquals(Instant.ofEpochSecond(exp), Instant.parse(expiresAt));
    }

    @Test
    void afterTheProviderRotatesItsKeyTokensSignedWithTheNewKeyAreAccepted() {
        Map<String, Object> viewer = Map.of("realm_access", Map.of("roles", List.of("viewer")));
        String before = token(OidcProviderResource.ISSUER_ID, "rotating", viewer, 300);
        bearer(before).get("/api/v1/me").then().statusCode(200);
        String next = token(OidcProviderResource.NEXT_KEY, "rotating", viewer, 300);
        // Not yet published: refused even though Accord refreshes the key set for the unknown kid.
        bearer(next).get("/api/v1/me").then().statusCode(401);
        OidcProviderResource.rotate();
        // jose4j, under SmallRye JWT, skips a forced refresh within 300 ms of the previous one (its "refresh
        // reprieve"), so a token met right after the refused one may need one more try.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bearer(next).get("/api/v1/me").statusCode() == 401 && System.nanoTime() < deadline) {
            sleep(100);
        }
        bearer(next).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("viewer")));
        // The old key stays published during the rollover, so tokens issued before it still work.
        bearer(before).get("/api/v1/me").then().statusCode(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Object parse(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
