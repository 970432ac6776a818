package io.accord.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the committed Postman collection (integrations/postman) with its pinned Newman against this test's service, as
 * an integrator would, and fails on any failed request or assertion. Skipped only where Node.js and npm are missing.
 */
@QuarkusTest
@TestProfile(KitProfile.class)
class PostmanCollectionTest {

    private static final Path DIR = Path.of("integrations/postman");

    @Test
    void theCollectionRunsGreenWithNewman() throws Exception {
        Node.assumeAvailable();
        Node.install(DIR);
        Path report = Files.createTempFile("newman-", ".json");
        Node.Result run = Node.run(DIR, 5, List.of("node", "node_modules/newman/bin/newman.js", "run",
                "accord.postman_collection.json", "--environment", "accord.postman_environment.json",
                "--env-var", "baseUrl=http://localhost:" + RestAssured.port,
                "--env-var", "bootstrapKey=" + Api.BOOTSTRAP_KEY,
                // Tests allow private webhook targets; nothing listens there, which only fails deliveries.
                "--env-var", "webhookUrl=http://127.0.0.1:9/accord-hook",
                "--reporters", "cli,json", "--reporter-json-export", report.toString(),
                "--disable-unicode", "--color", "off", "--timeout-request", "10000"));
        System.out.println(run.output());
        JsonNode stats = new ObjectMapper().readTree(report.toFile()).path("run").path("stats");
        Files.deleteIfExists(report);
        List<String> failures = new ArrayList<>();
        for (String kind : List.of("requests", "testScripts", "prerequestScripts", "assertions")) {
            if (stats.path(kind).path("failed").asInt(-1) != 0) {
                failures.add(kind + ": " + stats.path(kind));
            }
        }
        assertTrue(stats.path("assertions").path("total").asInt() >= 70, "too few assertions ran: " + stats);
        assertEquals(List.of(), failures, "Newman reported failures:\n" + run.output());
        assertEquals(0, run.exitCode(), "newman exited with " + run.exitCode() + ":\n" + run.output());
    }
}
