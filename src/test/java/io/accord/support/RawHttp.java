package io.accord.support;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP/1.1 over a socket, for tests that choose the client address or send slowly. */
public final class RawHttp {

    private RawHttp() {
    }

    /** A connection to the test server from {@code localAddress} (any 127.x.y.z works on Linux loopback). */
    public static Socket connect(String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends one GET with {@code Connection: close} from {@code localAddress} and answers the response head. */
    public static String get(String localAddress, String path, String... headers) throws IOException {
        try (Socket socket = connect(localAddress)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status code of a raw response. */
    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /**
     * Whether the server closes {@code socket} within {@code timeout}: reads (and drops) whatever it sends until the end
     * of the stream or a reset.
     */
    public static boolean closedWithin(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[4096];
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
