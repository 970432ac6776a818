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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Which HTTP methods the API's resources accept on a path, for the {@code Allow} header of a 405. */
@Singleton
public class AllowedMethods {

    private final BeanManager beans;
    private volatile List<Route> routes;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The comma-separated methods for {@code path}, or an empty string when none is known. */
    public String forPath(String path) {
        return cache.computeIfAbsent(path, p -> {
            Set<String> methods = new TreeSet<>();
            for (Route route : routes()) {
                if (route.pattern().matcher(p).matches()) {
                    methods.add(route.method());
                }
            }
            return String.join(", ", methods);
        });
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
                            found.add(new Route(http.value(), Pattern.compile(toRegex(template))));
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

    private record Route(String method, Pattern pattern) {
    }
}
