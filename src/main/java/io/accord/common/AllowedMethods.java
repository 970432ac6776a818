package io.accord.common;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the API's resources accept on a path, for the {@code Allow} header of a 405, and which route
 * template a path belongs to, for metrics. Nothing is remembered per raw path, so odd paths cost no memory.
 */
@Singleton
public class AllowedMethods {

    private final BeanManager beans;
    private volatile List<Route> routes;
    private volatile Set<String> templates;

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The comma-separated methods for {@code path}, or an empty string when none is known. */
    public String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.pattern().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        return String.join(", ", methods);
    }

    /** Whether {@code value} is one of the API's route templates, e.g. {@code /api/v1/leads/{id}}. */
    public boolean isTemplate(String value) {
        if (templates == null) {
            templates = Set.copyOf(routes().stream().map(Route::template).toList());
        }
        return templates.contains(value);
    }

    /** The route template {@code path} belongs to, or null when no resource serves it. */
    public String templateOf(String path) {
        for (Route route : routes()) {
            if (route.pattern().matcher(path).matches()) {
                return route.template();
            }
        }
        return null;
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            Path sub = method.getAnnotation(Path.class);
                            String template = join(root.value(), sub == null ? "" : sub.value());
                            found.add(new Route(http.value(), template, Pattern.compile(toRegex(template))));
                        }
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return regex + "/?";
    }

    private record Route(String method, String template, Pattern pattern) {
    }
}
