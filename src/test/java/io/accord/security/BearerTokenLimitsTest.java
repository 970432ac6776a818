package io.accord.security;

import static io.accord.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BearerTokenLimitsTest {

    private static int status(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/api/v1/teams").then().extract().statusCode();
    }

    private static String token(Instant issuedAt, Instant expiresAt) {
        return Jwt.subject("someone").groups(Set.of("viewer")).issuedAt(issuedAt).expiresAt(expiresAt).sign();
    }

    @Test
    void aTokenIssuedADayInTheFutureIsRefused() {
        Instant iat = Instant.now().plus(Duration.ofDays(1));
        anonymous().header("Authorization", "Bearer " + token(iat, iat.plus(Duration.ofHours(1))))
                .get("/api/v1/teams").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:unauthorized"));
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        Instant iat = Instant.now().plusSeconds(30);
        assertEquals(200, status(token(iat, iat.plus(Duration.ofHours(1)))));
    }

    @Test
    void aTokenValidUntilTheYear3000IsRefused() {
        assertEquals(401, status(token(Instant.now(), Instant.parse("3000-01-01T00:00:00Z"))));
    }

    @Test
    void aLifetimeOverTheMaximumIsRefusedAndOneUnderItAccepted() {
        Instant now = Instant.now();
        assertEquals(401, status(token(now, now.plus(Duration.ofHours(25)))));
        assertEquals(200, status(token(now, now.plus(Duration.ofHours(23)))));
    }

    @Test
    void rulesRefuseATokenWithoutExpiryAndMeasureLifetimeFromNowWithoutIat() {
        AuthSettings auth = new AuthSettings() {
            @Override public int cacheSize() { return 1; }
            @Override public Duration cacheTtl() { return Duration.ofMinutes(1); }
            @Override public int failedCacheSize() { return 1; }
            @Override public Duration failedCacheTtl() { return Duration.ofMinutes(1); }
            @Override public double failuresPerMinute() { return 1; }
            @Override public int failureBurst() { return 1; }
            @Override public Duration jwtMaxLifetime() { return Duration.ofHours(24); }
            @Override public Duration jwtClockSkew() { return Duration.ofSeconds(60); }
            @Override public Jwt jwt() { return null; }
            @Override public StreamTokens streamTokens() { return null; }
        };
        BearerTokenLimits limits = new BearerTokenLimits(auth);
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThrows(AuthenticationFailedException.class, () -> limits.check(now.getEpochSecond(), 0, now));
        assertThrows(AuthenticationFailedException.class,
                () -> limits.check(0, now.plus(Duration.ofHours(25)).getEpochSecond(), now));
        assertEquals(now.plusSeconds(3600), limits.check(0, now.plusSeconds(3600).getEpochSecond(), now));
        assertEquals(now.plusSeconds(3600), limits.check(now.plusSeconds(59).getEpochSecond(),
                now.plusSeconds(3600).getEpochSecond(), now));
        assertThrows(AuthenticationFailedException.class, () -> limits.check(now.plusSeconds(61).getEpochSecond(),
                now.plusSeconds(3600).getEpochSecond(), now));
    }
}
