package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.RawHttp;
import io.accord.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Short timeouts: 2 s idle, 2 s for a body, heartbeats every 0.5 s. No REST Assured: its pooled connections go idle. */
@QuarkusTest
@TestProfile(ConnectionTimeoutsTest.ShortTimeouts.class)
class ConnectionTimeoutsTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S", "accord.http.body-timeout", "PT2S",
                    "accord.events.heartbeat", "PT0.5S");
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            assertTrue(RawHttp.closedWithin(socket, Duration.ofSeconds(5)), "an idle connection stayed open");
        }
    }

    @Test
    void aBodySentAtOneByteASecondIsCutOff() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/teams HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Api.BOOTSTRAP_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            boolean cut = false;
            for (int i = 0; i < 8 && !cut; i++) {
                try {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1000);
                    socket.setSoTimeout(1);
                    cut = socket.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing to read yet
                } catch (IOException closed) {
                    cut = true;
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(cut, "a slow body was still accepted after " + seconds + " s");
            assertTrue(seconds <= 5, "cut off only after " + seconds + " s");
        }
    }

    @Test
    void aLiveStreamWithHeartbeatsOutlivesTheIdleTimeout() throws Exception {
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + Api.slug("idle"), Api.BOOTSTRAP_KEY, null)) {
            assertNotNull(client.nextComment(Duration.ofSeconds(10)));
            assertFalse(client.endsWithin(Duration.ofSeconds(5)), "the stream was closed by the idle timeout");
            assertNotNull(client.nextComment(Duration.ofSeconds(2)), "no heartbeat after 5 s");
        }
    }
}
