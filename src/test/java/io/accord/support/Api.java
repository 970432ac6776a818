package io.accord.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared request helpers for API tests: the bootstrap admin, API keys with chosen roles, and JWTs. */
public final class Api {

    public static final String BOOTSTRAP_KEY = "test-bootstrap-admin-key-0123456789abcdef";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(BOOTSTRAP_KEY);
    }

    public static RequestSpecification as(String apiKey) {
        return anonymous().header("Authorization", "ApiKey " + apiKey);
    }

    public static RequestSpecification bearer(String subject, String... roles) {
        String token = Jwt.subject(subject).groups(new HashSet<>(Arrays.asList(roles))).sign();
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Creates an API key with the given roles and returns its secret. */
    public static String newKey(String... roles) {
        return admin().body(Map.of("name", "test-" + UUID.randomUUID(), "roles", List.of(roles)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    /** A fresh lowercase slug, so tests never collide on keys. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
