package io.accord.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.alert.AlertDraft;
import io.accord.common.IdentityAttributes;
import io.accord.common.Roles;
import io.accord.support.Api;
import io.accord.support.SseClient;
import io.accord.support.TestClock;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    StreamTokenIdentityProvider provider;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    private static String issue(io.restassured.specification.RequestSpecification caller) {
        return caller.post("/api/v1/alerts/stream-tokens").then().statusCode(201).extract().path("token");
    }

    private static int useOnStream(String token) {
        return given().accept("text/event-stream").get("/api/v1/alerts/stream?teamKey=none&token=" + token)
                .then().extract().statusCode();
    }

    private SecurityIdentity identityOf(String token) {
        return provider.authenticate(new StreamTokenCredential(token), null).await().atMost(WAIT);
    }

    @Test
    void anyRoleGetsAShortLivedTokenThatIsNeverCached() {
        for (String role : Roles.ALL) {
            Instant before = Instant.now();
            String expiresAt = Api.as(Api.newKey(role)).post("/api/v1/alerts/stream-tokens").then().statusCode(201)
                    .header("Cache-Control", "no-store")
                    .header("Location", (String) null)
                    .body("token", matchesPattern("^ast_[A-Za-z0-9_-]{43}$"))
                    .extract().path("expiresAt");
            Instant expires = Instant.parse(expiresAt);
            assertTrue(!expires.isBefore(before.plusSeconds(59)) && !expires.isAfter(Instant.now().plusSeconds(61)),
                    "expires 60 s after issue: " + expires);
        }
    }

    @Test
    void aBrowserOpensTheStreamWithTheTokenInsteadOfAHeader() throws Exception {
        String team = Api.slug("browser");
        String token = issue(Api.as(Api.newKey("viewer")));
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + team + "&token=" + token, null, null)) {
            assertNotNull(client.nextComment(WAIT), "the stream did not start");
        }
    }

    @Test
    void aTokenWorksOnceThenIs401() throws Exception {
        String token = issue(Api.as(Api.newKey("viewer")));
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?token=" + token, null, null)) {
            assertNotNull(client.nextComment(WAIT), "the first use did not open the stream");
        }
        given().accept("text/event-stream").get("/api/v1/alerts/stream?token=" + token)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:unauthorized"))
                .body("detail", containsString("invalid, expired or revoked"));
    }

    @Test
    void unknownAndMalformedTokensAre401Problems() {
        for (String token : List.of("ast_" + "A".repeat(43), "nonsense", "acc_" + "B".repeat(43))) {
            given().accept("text/event-stream").get("/api/v1/alerts/stream?token=" + token)
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void anExpiredTokenIs401() {
        String token = issue(Api.as(Api.newKey("viewer")));
        TestClock.INSTANCE.advance(Duration.ofSeconds(61));
        assertEquals(401, useOnStream(token));
    }

    @Test
    void aTokenOfARevokedKeyIs401() {
        Map<String, Object> created = Api.admin().body(Map.of("name", "rev-" + UUID.randomUUID(), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String token = issue(Api.as((String) created.get("key")));
        Api.admin().delete("/api/v1/api-keys/" + created.get("id")).then().statusCode(204);
        assertEquals(401, useOnStream(token));
    }

    @Test
    void theTokenIsAcceptedOnTheStreamOnlyAndIsNotSpentElsewhere() throws Exception {
        String token = issue(Api.as(Api.newKey("viewer")));
        given().accept("application/json").get("/api/v1/alerts?token=" + token).then().statusCode(401);
        given().accept("application/json").get("/api/v1/me?token=" + token).then().statusCode(401);
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?token=" + token, null, null)) {
            assertNotNull(client.nextComment(WAIT), "the token was spent by another route");
        }
    }

    @Test
    void concurrentUsesOfOneTokenOpenExactlyOneStream() throws Exception {
        String token = issue(Api.as(Api.newKey("viewer")));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<java.io.InputStream>>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/v1/alerts/stream?token=" + token)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        int opened = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<java.io.InputStream>> use : uses) {
            HttpResponse<java.io.InputStream> response = use.get(20, java.util.concurrent.TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                opened++;
            } else if (response.statusCode() == 401) {
                refused++;
            }
            response.body().close();
        }
        assertEquals(1, opened);
        assertEquals(7, refused);
    }

    @Test
    void theStreamIdentityCarriesTheApiKeysRolesTeamAndId() {
        Map<String, Object> created = Api.admin().body(Map.of("name", "attr-" + UUID.randomUUID(),
                        "roles", List.of("sales", "viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String token = issue(Api.as((String) created.get("key")));
        SecurityIdentity identity = identityOf(token);
        assertEquals("apikey:" + created.get("id"), identity.getPrincipal().getName());
        assertEquals(Set.of("sales", "viewer"), identity.getRoles());
        assertEquals(UUID.fromString((String) created.get("id")), identity.getAttribute(IdentityAttributes.API_KEY_ID));
        assertEquals("api_key", identity.getAttribute(IdentityAttributes.KIND));
        assertEquals(created.get("name"), identity.getAttribute(IdentityAttributes.DISPLAY_NAME));
        assertNull((Object) identity.getAttribute(IdentityAttributes.CREDENTIAL_EXPIRES_AT));
    }

    @Test
    void aTokenForABearerTokenCarriesItsExpiryAndNeverOutlivesIt() {
        long exp = Instant.now().plusSeconds(20).getEpochSecond();
        String jwt = Jwt.subject("browser-user").groups(Set.of("marketing")).expiresAt(exp).sign();
        String expiresAt = Api.anonymous().header("Authorization", "Bearer " + jwt)
                .post("/api/v1/alerts/stream-tokens").then().statusCode(201).extract().path("expiresAt");
        assertEquals(Instant.ofEpochSecond(exp), Instant.parse(expiresAt), "capped at the bearer token's exp");
        String token = Api.anonymous().header("Authorization", "Bearer " + jwt)
                .post("/api/v1/alerts/stream-tokens").then().statusCode(201).extract().path("token");
        SecurityIdentity identity = identityOf(token);
        assertEquals("browser-user", identity.getPrincipal().getName());
        assertEquals(Set.of("marketing"), identity.getRoles());
        assertEquals(Instant.ofEpochSecond(exp), identity.getAttribute(IdentityAttributes.CREDENTIAL_EXPIRES_AT));
        assertEquals("jwt", identity.getAttribute(IdentityAttributes.KIND));
        assertNull((Object) identity.getAttribute(IdentityAttributes.API_KEY_ID));
    }

    @Inject
    ApiKeyIdentityProvider apiKeys;

    @Test
    void everyApiKeyIdentityCarriesItsKeyId() {
        Map<String, Object> created = Api.admin().body(Map.of("name", "id-" + UUID.randomUUID(), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        SecurityIdentity identity = apiKeys.authenticate(new ApiKeyCredential((String) created.get("key")), null)
                .await().atMost(WAIT);
        assertEquals(UUID.fromString((String) created.get("id")), identity.getAttribute(IdentityAttributes.API_KEY_ID));
        assertEquals("api_key", identity.getAttribute(IdentityAttributes.KIND));
    }

    @Test
    void issuingIsAuditedWithoutTheToken() {
        String key = Api.newKey("viewer");
        String principal = Api.as(key).get("/api/v1/me").then().statusCode(200).extract().path("principal");
        String token = issue(Api.as(key));
        String audit = Api.admin().get("/api/v1/audit-events?resourceType=stream_token&actor=" + principal)
                .then().statusCode(200)
                .body("items[0].action", equalTo("stream_token.issued"))
                .body("items[0].actor", equalTo(principal))
                .extract().asString();
        assertFalse(audit.contains(token), "the audit log must not hold the token");
        assertFalse(audit.contains(token.substring(4, 20)), "nor part of it");
    }

    @Test
    void metricsNeverCarryTheToken() throws Exception {
        String token = issue(Api.as(Api.newKey("viewer")));
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?token=" + token, null, null)) {
            assertNotNull(client.nextComment(WAIT));
        }
        assertEquals(401, useOnStream(token));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(token)))
                .body(not(containsString("token=")));
    }
}
