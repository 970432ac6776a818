package io.accord.common;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves the guard against hibernate-reactive#4133: bursts of requests whose clients hang up while the requests wait
 * for a pool connection leave no connection checked out, and the service keeps answering.
 */
@QuarkusTest
class ConnectionLeakTest {

    private static final Pattern ACTIVE = Pattern.compile("(?m)^sql_pool_active\\{[^}]*} ([0-9.]+)$");

    @Test
    void disconnectingClientsDoNotLeakPoolConnections() throws Exception {
        for (int burst = 0; burst < 5; burst++) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/audit-events?limit=200 HTTP/1.1\r\nHost: localhost\r\nAuthorization: ApiKey "
                        + Api.BOOTSTRAP_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            // Hang up while most of these still wait for one of the pool's few connections.
            for (Socket socket : sockets) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        }
        double active = -1;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            active = activeConnections();
            if (active == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(0.0, active, "pool connections still checked out after the clients left");
        admin().get("/api/v1/audit-events?limit=1").then().statusCode(200);
    }

    private static double activeConnections() {
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = ACTIVE.matcher(metrics);
        double total = 0;
        boolean found = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            found = true;
        }
        if (!found) {
            throw new AssertionError("no sql_pool_active metric exposed");
        }
        return total;
    }
}
