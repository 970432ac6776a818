package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.RawHttp;
import io.accord.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slowloris: 2 s to send headers, a 30 s idle timeout that must not be what closes these connections. */
@QuarkusTest
@TestProfile(HeaderTimeoutTest.ShortHeaderTimeout.class)
class HeaderTimeoutTest {

    public static class ShortHeaderTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "30S", "accord.http.header-timeout", "PT2S",
                    "accord.events.heartbeat", "PT0.5S");
        }
    }

    private static final String LIVE = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n";

    @Test
    void aNewConnectionThatStopsHalfWayThroughItsHeadersIsClosed() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            send(socket, LIVE);
            long start = System.nanoTime();
            assertTrue(RawHttp.closedWithin(socket, Duration.ofSeconds(6)), "half-sent headers kept the connection open");
            assertTrue(seconds(start) < 5, "closed only after " + seconds(start) + " s");
        }
    }

    @Test
    void headersTrickledOnAKeptAliveConnectionAreCutOffAtTheHeaderTimeout() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            send(socket, LIVE + "\r\n");
            assertEquals(200, readResponse(socket));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 20 && !closed; i++) {
                try {
                    send(socket, i == 0 ? "GET /q/health/live HTTP/1.1\r\n" : "X-Slow-" + i + ": 1\r\n");
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                closed = RawHttp.closedWithin(socket, Duration.ofMillis(500));
            }
            assertTrue(closed, "a header line every 0.5 s kept the connection open for " + seconds(start) + " s");
            assertTrue(seconds(start) < 5, "closed only after " + seconds(start) + " s");
        }
    }

    @Test
    void aKeptAliveConnectionMayWaitLongerThanTheHeaderTimeoutBetweenRequests() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            send(socket, LIVE + "\r\n");
            assertEquals(200, readResponse(socket));
            assertFalse(RawHttp.closedWithin(socket, Duration.ofSeconds(4)), "an idle kept-alive connection was closed");
            send(socket, LIVE + "\r\n");
            assertEquals(200, readResponse(socket));
        }
    }

    @Test
    void aLiveStreamWhoseClientSendsNothingOutlivesTheHeaderTimeout() throws Exception {
        try (SseClient client = SseClient.open("/api/v1/alerts/stream?teamKey=" + Api.slug("slow"), Api.BOOTSTRAP_KEY, null)) {
            assertNotNull(client.nextComment(Duration.ofSeconds(10)));
            assertFalse(client.endsWithin(Duration.ofSeconds(5)), "the stream was closed by the header timeout");
            assertNotNull(client.nextComment(Duration.ofSeconds(2)), "no heartbeat after 5 s");
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one response with a Content-Length body and answers its status. */
    private static int readResponse(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the response head ended");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return RawHttp.status(text);
    }

    private static long seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }
}
