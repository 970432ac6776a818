package io.accord.common;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.anonymous;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per row of the error table in API-CONVENTIONS.md: every error is a problem document. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        admin().body("{\"name\": \"x\", ").post("/api/v1/api-keys").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:malformed-json"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void unknownJsonFieldIs400NamingTheField() {
        admin().body(Map.of("name", Api.slug("k"), "roles", List.of("viewer"), "colour", "red"))
                .post("/api/v1/api-keys").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:invalid-body"))
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        admin().body(Map.of("name", Api.slug("k"), "roles", "viewer-but-not-a-list"))
                .post("/api/v1/api-keys").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:invalid-body"))
                .body("errors[0].field", equalTo("roles"));
    }

    @Test
    void missingRequiredFieldsAre422WithEveryField() {
        admin().body(Map.of()).post("/api/v1/api-keys").then().statusCode(422)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors.field", equalTo(List.of("name", "roles")));
    }

    @Test
    void missingBodyIs400() {
        admin().post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:invalid-body"));
    }

    @Test
    void badQueryParameterIs400NamingIt() {
        admin().queryParam("limit", "many").get("/api/v1/api-keys").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
        admin().queryParam("limit", 201).get("/api/v1/api-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        admin().queryParam("cursor", "garbage!").get("/api/v1/api-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        admin().queryParam("since", "yesterday").get("/api/v1/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void unknownRouteIs404() {
        admin().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void unknownResourceIs404() {
        admin().get("/api/v1/api-keys/5b0c1f0e-4a43-4c0d-9a55-2f5b8c0e9d11").then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:not-found"));
        admin().get("/api/v1/api-keys/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        admin().patch("/api/v1/api-keys").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:method-not-allowed"))
                .header("Allow", containsString("GET"));
    }

    @Test
    void wrongMediaTypeIs415() {
        admin().contentType(ContentType.XML).body("<key/>").post("/api/v1/api-keys").then().statusCode(415)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:unsupported-media-type"));
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        // A raw request that declares a 5 MiB body: the service answers before reading it.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\nAuthorization: ApiKey " + Api.BOOTSTRAP_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n\r\n{\"name\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
            assertTrue(response.contains("urn:accord:problem:payload-too-large"), response);
        }
    }

    /** Reads one response with a Content-Length body, without waiting for the connection to close. */
    private static String readResponse(Socket socket) throws java.io.IOException {
        java.io.InputStream in = socket.getInputStream();
        StringBuilder sb = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true) {
            int headerEnd = sb.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(sb);
                if (m.find() && sb.length() - headerEnd - 4 >= Integer.parseInt(m.group(1))) {
                    return sb.toString();
                }
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException e) {
                return sb.toString();
            }
            if (n < 0) {
                return sb.toString();
            }
            sb.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }

    @Test
    void noCredentialsIs401() {
        anonymous().get("/api/v1/audit-events").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:unauthorized"));
    }

    @Test
    void missingRoleIs403() {
        as(Api.newKey("marketing")).get("/api/v1/audit-events").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:forbidden"));
    }

    @Test
    void conflictIs409() {
        String name = Api.slug("same");
        admin().body(Map.of("name", name, "roles", List.of("viewer"))).post("/api/v1/api-keys").then().statusCode(201);
        admin().body(Map.of("name", name, "roles", List.of("viewer"))).post("/api/v1/api-keys").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:accord:problem:duplicate"));
    }

    @Test
    void staleIfMatchIs412AndMissingIfMatchIs428() {
        String id = admin().body(Map.of("name", Api.slug("etag"), "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().extract().path("id");
        Map<String, Object> change = Map.of("name", Api.slug("etag2"), "roles", List.of("viewer"));
        admin().body(change).put("/api/v1/api-keys/" + id).then().statusCode(428).contentType(PROBLEM);
        admin().header("If-Match", "\"41\"").body(change).put("/api/v1/api-keys/" + id).then().statusCode(412)
                .contentType(PROBLEM).header("ETag", notNullValue());
    }

    @Test
    void unexpectedFailureIs500WithCorrelationIdAndNoInternals() {
        admin().get("/api/v1/test-only/boom").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("urn:accord:problem:internal-error"))
                .body("correlationId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", not(containsString("foo_bar")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at io.accord")));
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfterNot500() {
        for (String how : List.of("closed", "shutting-down", "terminated", "refused", "auth")) {
            admin().get("/api/v1/test-only/boom/database-down/" + how).then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", "1")
                    .body("type", equalTo("urn:accord:problem:unavailable"))
                    .body("detail", containsString("database"))
                    .body(not(containsString("127.0.0.1")));
        }
        admin().get("/api/v1/test-only/boom/database-down/other").then().statusCode(500).contentType(PROBLEM);
    }

    @Test
    void notAcceptableIs406() {
        admin().accept("application/xml").get("/api/v1/api-keys").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void aDeleteThatAcceptsOnlyProblemsStillSucceeds() {
        String id = admin().body(Map.of("name", Api.slug("k"), "roles", List.of("viewer"))).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("id");
        admin().accept(PROBLEM).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        admin().accept(PROBLEM).delete("/api/v1/calendars/" + Api.slug("none")).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void problemTypesAreListedInTheOpenApiDocument() {
        anonymous().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.keySet()", hasItem("Problem"));
    }
}
