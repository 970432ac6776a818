package io.accord.icp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ICP operations are described as API-CONVENTIONS.md asks. */
@QuarkusTest
class IcpOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyIcpOperationHasAnIdASummaryTheTagErrorsAndItsRoles() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/icps")) {
                continue;
            }
            for (Map.Entry<String, Object> op : path.getValue().entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String where = op.getKey() + " " + path.getKey();
                String id = (String) operation.get("operationId");
                assertNotNull(id, where);
                assertTrue(id.matches("[a-z][A-Za-z]+"), where + ": " + id);
                ids.add(id);
                assertNotNull(operation.get("summary"), where);
                assertEquals(List.of("ICPs"), operation.get("tags"), where);
                String description = (String) operation.get("description");
                assertTrue(description != null && description.matches("(?s).*Roles: [^.]+\\.$"), where + ": " + description);
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4")),
                        where + " declares its error responses: " + responses.keySet());
            }
        }
        assertEquals(17, ids.size(), ids.toString()); // 16 + backtestIcpVersion (evidence feature)
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "operationIds are unique: " + ids);
        List<Map<String, Object>> tags = (List<Map<String, Object>>) doc.get("tags");
        assertFalse(tags.stream().noneMatch(t -> "ICPs".equals(t.get("name"))), "the ICPs tag is declared");
    }
}
