package io.accord.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * HTTP server metrics carry route templates only. Quarkus tags a request with its template once a resource matched
 * it; a request answered before or without matching (a 405, a 429 from a pre-matching filter) would be tagged with its
 * raw path, so every id and every invented path would become a new time series until Micrometer's limit of 100 URIs
 * was reached and real routes stopped being recorded. Such a path gets the template it belongs to, or {@code UNKNOWN}.
 */
public class RouteTemplateMetrics {

    static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> KEEP = Set.of("NOT_FOUND", "REDIRECTION", "root", UNKNOWN);

    @Produces
    @Singleton
    MeterFilter routeTemplatesOnly(AllowedMethods routes) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server.")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null || KEEP.contains(uri) || routes.isTemplate(uri)) {
                    return id;
                }
                String template = routes.templateOf(uri);
                List<Tag> tags = id.getTags().stream()
                        .map(t -> t.getKey().equals("uri") ? Tag.of("uri", template == null ? UNKNOWN : template) : t)
                        .toList();
                return id.replaceTags(tags);
            }
        };
    }
}
