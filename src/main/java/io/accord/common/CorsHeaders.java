package io.accord.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Quarkus' CORS filter refuses a request from an origin that is not allowed (403, no
 * {@code Access-Control-Allow-Origin}) but still lists the allowed methods, headers and exposed headers. Those say
 * nothing useful to a stranger, so a response without {@code Access-Control-Allow-Origin} carries no CORS header.
 */
@ApplicationScoped
public class CorsHeaders {

    private static final List<String> OTHERS = List.of("Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
            "Access-Control-Expose-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Credentials");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1000).handler(context -> {
            if (context.request().getHeader("Origin") != null) {
                context.response().headersEndHandler(ignored -> {
                    MultiMap headers = context.response().headers();
                    if (!headers.contains("Access-Control-Allow-Origin")) {
                        OTHERS.forEach(headers::remove);
                    }
                });
            }
            context.next();
        });
    }
}
