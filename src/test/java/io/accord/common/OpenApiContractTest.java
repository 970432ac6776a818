package io.accord.common;

import static io.accord.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/openapi.yaml} is the published contract: it must be exactly what the code produces. To regenerate it
 * after changing an endpoint: {@code ACCORD_OPENAPI_UPDATE=true ./mvnw test -Dtest=OpenApiContractTest}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    @Test
    void committedContractMatchesTheCode() throws Exception {
        String generated = anonymous().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString();
        if (Boolean.parseBoolean(System.getenv("ACCORD_OPENAPI_UPDATE"))) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, generated, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(CONTRACT)) {
            fail(CONTRACT + " is missing. Generate it with: ACCORD_OPENAPI_UPDATE=true ./mvnw test -Dtest=OpenApiContractTest");
        }
        String committed = Files.readString(CONTRACT, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail("openapi/openapi.yaml differs from what the code produces (first difference at line "
                    + firstDifference(committed, generated) + "). If the change is intended, regenerate it with:\n"
                    + "  ACCORD_OPENAPI_UPDATE=true ./mvnw test -Dtest=OpenApiContractTest\nand commit the file.");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasIdSummaryTagRolesAndProblemResponses() {
        Map<String, Object> doc = anonymous().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        StringBuilder problems = new StringBuilder();
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!(raw instanceof Map)) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) raw;
            String where = method.toUpperCase() + " " + path;
            for (String field : List.of("operationId", "summary", "tags", "security", "description")) {
                if (!op.containsKey(field)) {
                    problems.append(where).append(" lacks ").append(field).append('\n');
                }
            }
            if (op.containsKey("description") && !String.valueOf(op.get("description")).contains("Roles:")) {
                problems.append(where).append(" does not say its roles\n");
            }
            Map<String, Object> responses = (Map<String, Object>) op.getOrDefault("responses", Map.of());
            for (String status : List.of("400", "401", "403", "429", "500")) {
                if (!responses.containsKey(status)) {
                    problems.append(where).append(" lacks a ").append(status).append(" response\n");
                }
            }
        }));
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        if (schemes == null || !schemes.containsKey("ApiKey") || !schemes.containsKey("Bearer")) {
            problems.append("both security schemes must be declared\n");
        }
        assertEquals("", problems.toString());
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
