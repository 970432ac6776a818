package io.accord.security;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.anonymous;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyResourceTest {

    @Test
    void withoutCredentialsTheApiAnswers401Problem() {
        anonymous().get("/api/v1/api-keys").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("ApiKey"))
                .body("type", equalTo("urn:accord:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/api-keys"));
    }

    @Test
    void anUnknownKeyIs401() {
        as("acc_not-a-real-key").get("/api/v1/api-keys").then().statusCode(401)
                .body("type", equalTo("urn:accord:problem:unauthorized"));
    }

    @Test
    void bootstrapAdminCreatesListsUsesAndRevokesAKey() {
        String name = Api.slug("crm-sync");
        String team = io.accord.support.Fixtures.team("mgr-1", null);
        Response created = admin().body(Map.of("name", name, "roles", List.of("admin", "viewer"), "teamKey", team))
                .post("/api/v1/api-keys");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/api-keys/"))
                .body("key", startsWith("acc_"))
                .body("name", equalTo(name))
                .body("roles", equalTo(List.of("admin", "viewer")))
                .body("createdBy", equalTo("bootstrap-admin"));
        String secret = created.path("key");
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(secret.length() >= 4 + 43, "256-bit secret");

        // listed without secrets
        admin().queryParam("limit", 200).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.key", everyItem(nullValue()));

        // the new key works, with its own identity in the audit log
        as(secret).get("/api/v1/api-keys/" + id).then().statusCode(200).body("id", equalTo(id))
                .header("ETag", notNullValue());
        as(secret).header("X-API-Key", secret).get("/api/v1/api-keys/" + id).then().statusCode(200);

        admin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(secret).get("/api/v1/api-keys").then().statusCode(401);
        admin().get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());

        admin().queryParam("resourceId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of("api_key.created", "api_key.revoked")))
                .body("items.actor", everyItem(equalTo("bootstrap-admin")));
    }

    @Test
    void theXApiKeyHeaderAuthenticatesToo() {
        String secret = Api.newKey("admin");
        anonymous().header("X-API-Key", secret).get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void aKeyWithoutTheAdminRoleIsForbidden() {
        String viewer = Api.newKey("viewer");
        as(viewer).get("/api/v1/api-keys").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:forbidden"));
    }

    @Test
    void jwtBearerTokensAuthenticateWithRolesFromGroups() {
        Api.bearer("alice@example.com", "admin").get("/api/v1/api-keys").then().statusCode(200);
        Api.bearer("bob@example.com", "viewer").get("/api/v1/api-keys").then().statusCode(403);
        anonymous().header("Authorization", "Bearer not.a.jwt").get("/api/v1/api-keys").then().statusCode(401)
                .body("type", equalTo("urn:accord:problem:unauthorized"));
    }

    @Test
    void anUnknownRoleIsAValidationProblemNamingTheField() {
        admin().body(Map.of("name", Api.slug("k"), "roles", List.of("viewer", "superuser")))
                .post("/api/v1/api-keys").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors[0].field", equalTo("roles[1]"));
    }

    @Test
    void twoActiveKeysCannotShareAName() {
        String name = Api.slug("dup");
        admin().body(Map.of("name", name, "roles", List.of("viewer"))).post("/api/v1/api-keys").then().statusCode(201);
        admin().body(Map.of("name", name, "roles", List.of("viewer"))).post("/api/v1/api-keys").then().statusCode(409)
                .body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void updatingAKeyRequiresAMatchingIfMatch() {
        String id = admin().body(Map.of("name", Api.slug("upd"), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        String etag = admin().get("/api/v1/api-keys/" + id).then().extract().header("ETag");
        Map<String, Object> change = Map.of("name", Api.slug("renamed"), "roles", List.of("marketing"));

        admin().body(change).put("/api/v1/api-keys/" + id).then().statusCode(428)
                .body("type", equalTo("urn:accord:problem:precondition-required"));
        admin().header("If-Match", "\"999\"").body(change).put("/api/v1/api-keys/" + id).then().statusCode(412)
                .body("type", equalTo("urn:accord:problem:precondition-failed"));
        admin().header("If-Match", etag).body(change).put("/api/v1/api-keys/" + id).then().statusCode(200)
                .body("roles", equalTo(List.of("marketing")));
        admin().header("If-Match", etag).body(change).put("/api/v1/api-keys/" + id).then().statusCode(412);
    }
}
