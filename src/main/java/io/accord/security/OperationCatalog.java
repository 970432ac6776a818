package io.accord.security;

import io.accord.common.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every API operation with the roles that may call it, read once at start-up from the JAX-RS resource methods'
 * {@code @RolesAllowed} and {@code @Operation(operationId)} annotations, the same sources the contract is generated
 * from. {@code /me} uses it to tell a caller what its roles allow.
 */
@ApplicationScoped
public class OperationCatalog {

    /** One operation: its contract id, HTTP method and path template, and the roles allowed to call it. */
    public record Entry(String operationId, String method, String path, Set<String> roles) {
    }

    private final List<Entry> operations;

    public OperationCatalog(BeanManager beans) {
        List<Class<?>> resources = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class) && !resources.contains(type)) {
                resources.add(type);
            }
        }
        this.operations = scan(resources);
    }

    /** The operations of the given resource classes, ordered by path and method. */
    static List<Entry> scan(Collection<Class<?>> resources) {
        List<Entry> found = new ArrayList<>();
        for (Class<?> type : resources) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                Operation operation = method.getAnnotation(Operation.class);
                if (httpMethod == null || operation == null || operation.hidden()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                found.add(new Entry(operation.operationId(), httpMethod, join(base, sub == null ? "" : sub.value()),
                        roles(type, method)));
            }
        }
        found.sort(Comparator.comparing(Entry::path).thenComparing(Entry::method));
        return List.copyOf(found);
    }

    public List<Entry> all() {
        return operations;
    }

    /** The operations at least one of {@code roles} may call. */
    public List<Entry> allowedFor(Set<String> roles) {
        return operations.stream().filter(e -> e.roles().stream().anyMatch(roles::contains)).toList();
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Method annotations win over class annotations, as in Jakarta security; nothing declared means nobody. */
    private static Set<String> roles(Class<?> type, Method method) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.copyOf(Roles.ALL);
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            if (type.isAnnotationPresent(PermitAll.class)) {
                return Set.copyOf(Roles.ALL);
            }
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? Set.of() : new LinkedHashSet<>(List.of(allowed.value()));
    }

    /** {@code /api/v1/icps} + {@code /{key: [a-z]+}/versions} is {@code /api/v1/icps/{key}/versions}. */
    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }
}
