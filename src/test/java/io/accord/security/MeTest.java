package io.accord.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeTest {

    @Test
    void aViewerKeySeesItselfAndOnlyWhatViewersMayDo() {
        String name = "me-" + UUID.randomUUID();
        String key = Api.admin().body(Map.of("name", name, "roles", List.of("viewer")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        Api.as(key).get("/api/v1/me").then().statusCode(200)
                .body("principal", startsWith("apikey:"))
                .body("kind", equalTo("api_key"))
                .body("roles", equalTo(List.of("viewer")))
                .body("teamKey", nullValue())
                .body("displayName", equalTo(name))
                .body("operations.operationId", hasItem("listAlerts"))
                .body("operations.operationId", hasItem("getMe"))
                .body("operations.operationId", hasItem("createStreamToken"))
                .body("operations.operationId", not(hasItem("createApiKey")))
                .body("operations.operationId", not(hasItem("acknowledgeAlert")))
                .body("operations.find { it.operationId == 'listAlerts' }.method", equalTo("GET"))
                .body("operations.find { it.operationId == 'listAlerts' }.path", equalTo("/api/v1/alerts"))
                .body("operations.find { it.operationId == 'getApiKey' }", nullValue());
    }

    @Test
    void aBearerTokenIsKindJwtWithItsSubject() {
        Api.bearer("someone@example.test", "sales").get("/api/v1/me").then().statusCode(200)
                .body("principal", equalTo("someone@example.test"))
                .body("kind", equalTo("jwt"))
                .body("roles", equalTo(List.of("sales")))
                .body("operations.operationId", hasItem("acknowledgeAlert"))
                .body("operations.operationId", not(hasItem("createApiKey")));
    }

    @Test
    void withoutCredentialsItIs401() {
        Api.anonymous().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * The list is derived from the same declarations as the contract: an admin sees exactly the contract's operations
     * whose roles include admin (all of them except approving and rejecting ICP versions, which need a side's role),
     * with the contract's method and path.
     */
    @Test
    void anAdminSeesEveryContractOperationItsRoleAllows() {
        JsonPath contract = JsonPath.from(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Map<String, Map<String, Object>> paths = contract.getMap("paths");
        TreeSet<String> expected = new TreeSet<>();
        TreeSet<String> notForAdmin = new TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || op.get("operationId") == null || !path.startsWith("/api/")) {
                return;
            }
            String entry = op.get("operationId") + " " + method.toUpperCase() + " " + path;
            if (((List<?>) op.get("x-roles")).contains("admin")) {
                expected.add(entry);
            } else {
                notForAdmin.add(entry);
            }
        }));
        List<Map<String, String>> operations = Api.admin().get("/api/v1/me").then().statusCode(200)
                .body("principal", equalTo("bootstrap-admin"))
                .body("kind", equalTo("api_key"))
                .extract().path("operations");
        TreeSet<String> actual = new TreeSet<>();
        operations.forEach(o -> actual.add(o.get("operationId") + " " + o.get("method") + " " + o.get("path")));
        assertTrue(expected.size() > 80, "the contract lists the operations: " + expected.size());
        assertEquals(expected, actual);
        assertEquals(2, notForAdmin.size(), "only the side approvals need another role: " + notForAdmin);
    }
}
