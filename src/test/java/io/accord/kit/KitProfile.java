package io.accord.kit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The profile the integrator-kit tests share (one service start for all of them): the breach detector runs on the real
 * clock, as in production, so a policy with a target of a second raises a real breach while a client watches; and the
 * origin the alert board is served from (a port picked before the service starts) is allowed by CORS.
 */
public class KitProfile implements QuarkusTestProfile {

    /** Where {@link AlertBoardBrowserTest} serves examples/alert-board, a different origin than the API. */
    static final int BOARD_PORT = boardPort();
    static final String BOARD_ORIGIN = "http://127.0.0.1:" + BOARD_PORT;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("accord.detector.enabled", "true", "accord.cors.origins", BOARD_ORIGIN);
    }

    /**
     * Quarkus loads this profile in its own class loader, so a static field would be computed twice with two ports:
     * the first choice is kept in a system property, which both class loaders share.
     */
    private static synchronized int boardPort() {
        String chosen = System.getProperty("kit-test.board-port");
        if (chosen == null) {
            chosen = Integer.toString(freePort());
            System.setProperty("kit-test.board-port", chosen);
        }
        return Integer.parseInt(chosen);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
