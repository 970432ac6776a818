package io.accord.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.common.DetachFromClientCancellation;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules every API resource follows, checked over the compiled main classes. */
class ResourceConventionsTest {

    @Test
    void everyResourceIsShieldedFromClientCancellationAndDeclaresRoles() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            if (!type.isAnnotationPresent(DetachFromClientCancellation.class)) {
                problems.add(type.getName() + " lacks @DetachFromClientCancellation (hibernate-reactive#4133 guard)");
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isEndpoint(method) && !method.isAnnotationPresent(RolesAllowed.class)
                        && !method.isAnnotationPresent(PermitAll.class) && !type.isAnnotationPresent(RolesAllowed.class)) {
                    problems.add(type.getSimpleName() + "." + method.getName() + " declares no roles");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean isEndpoint(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ResourceConventionsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        if (found.isEmpty()) {
            throw new AssertionError("no resource classes found under target/classes");
        }
        return found;
    }
}
