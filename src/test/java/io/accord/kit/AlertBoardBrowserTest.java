package io.accord.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * examples/alert-board in headless Chromium (Debian's chromium, driven by the pinned playwright-core), served from
 * another origin than the API: it lists open alerts, a breach raised through the API appears within 2 s of its due
 * time, and acknowledging it changes the row. Installs chromium with apt-get where it is missing and the test runs as
 * root; otherwise, or without Node.js, it is reported as skipped.
 */
@QuarkusTest
@TestProfile(KitProfile.class)
class AlertBoardBrowserTest {

    private static final Path BOARD = Path.of("examples/alert-board");
    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void aBreachRaisedThroughTheApiAppearsLiveOnTheBoardAndCanBeAcknowledged() throws Exception {
        Node.assumeAvailable();
        ensureChromium();
        Node.install(BOARD.resolve("test"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", KitProfile.BOARD_PORT), 0);
        byte[] page = Files.readAllBytes(BOARD.resolve("index.html"));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "board.test.mjs");
            builder.environment().putAll(Map.of("BOARD_URL", KitProfile.BOARD_ORIGIN + "/index.html",
                    "API_URL", "http://localhost:" + RestAssured.port, "BOOTSTRAP_KEY", Api.BOOTSTRAP_KEY,
                    "CHROMIUM", CHROMIUM));
            Node.Result run = Node.run(BOARD.resolve("test"), builder, 3);
            System.out.println(run.output());
            assertEquals(0, run.exitCode(), "the alert board test failed:\n" + run.output());
            assertTrue(run.output().contains("ALERT BOARD: PASS"), run.output());
        } finally {
            server.stop(0);
        }
    }

    /** Debian's chromium, installed here when missing and possible; otherwise the test is skipped, never passed. */
    private static void ensureChromium() throws Exception {
        if (new File(CHROMIUM).canExecute()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root && Node.onPath("apt-get"), "Chromium is missing and cannot be installed here (needs root and apt-get)");
        for (List<String> command : List.of(List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "chromium"))) {
            Node.Result result = Node.run(Path.of("."), new ProcessBuilder(command), 10);
            assertEquals(0, result.exitCode(), String.join(" ", command) + " failed:\n" + result.output());
        }
        assertTrue(new File(CHROMIUM).canExecute(), "apt-get installed chromium, but " + CHROMIUM + " is missing");
    }
}
