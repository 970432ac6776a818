package io.accord.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Quarkus' CORS filter refuses a request from an origin that is not allowed (403, no
 * {@code Access-Control-Allow-Origin}) but still lists the allowed methods, headers and exposed headers. Those say
 * nothing useful to a stranger, so a response without {@code Access-Control-Allow-Origin} carries no CORS header.
 * While CORS is on, a request from an origin that is neither allowed nor the service's own is refused here, before
 * that filter, as a {@code 403} problem document (the filter itself would answer with an empty body).
 */
@ApplicationScoped
public class CorsHeaders {

    private static final List<String> OTHERS = List.of("Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
            "Access-Control-Expose-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Credentials");

    private final Set<String> allowed;
    private final HttpLimits problems;

    public CorsHeaders(CorsOrigins config, HttpLimits problems) {
        this.allowed = Set.copyOf(config.origins().orElse(List.of()).stream().map(String::trim)
                .filter(o -> !o.isEmpty()).toList());
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1000).handler(context -> {
            String origin = context.request().getHeader("Origin");
            if (origin != null && !allowed.isEmpty() && !allowed.contains(origin)
                    && !origin.equals(context.request().scheme() + "://" + context.request().getHeader("Host"))) {
                problems.send(context, ProblemKind.FORBIDDEN, "Browser pages from " + origin
                        + " may not call this API: the origin is not in accord.cors.origins");
                return;
            }
            if (origin != null) {
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
