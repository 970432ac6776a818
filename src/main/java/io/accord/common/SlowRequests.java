package io.accord.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Cuts off a request whose body is still arriving {@code accord.http.body-timeout} after its headers: a client sending
 * one byte a second never trips the idle timeout ({@code quarkus.http.idle-timeout}), which closes silent connections.
 * Requests without a body (live streams included) are never cut by it.
 */
@Singleton
public class SlowRequests {

    private final long bodyTimeoutMillis;

    public SlowRequests(HttpSettings config) {
        this.bodyTimeoutMillis = Math.max(1, config.bodyTimeout().toMillis());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (hasBody(request) && !request.isEnded()) {
                long timer = context.vertx().setTimer(bodyTimeoutMillis, id -> {
                    if (hasBody(request) && !request.isEnded()) {
                        request.connection().close();
                    }
                });
                context.addEndHandler(done -> context.vertx().cancelTimer(timer));
            }
            context.next();
        });
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
    }
}
