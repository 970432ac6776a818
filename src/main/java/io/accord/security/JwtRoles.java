package io.accord.security;

import io.accord.common.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the roles in a bearer token's claims and maps the provider's role names to Accord's. Pure: no framework types.
 *
 * <p>Each roles claim is a path (several may be configured; their roles are combined). The whole path is tried as one claim name first, so Auth0's namespaced
 * {@code https://accord.example/roles} (dots and slashes included) is found as is; otherwise it is split at a dot
 * into a claim and a path inside it, trying the shortest first name that leads somewhere ({@code realm_access.roles},
 * {@code resource_access.accord.roles}). The value may be an array of strings or one string of space- or
 * comma-separated names.
 *
 * <p>Mapping: a provider role listed in the map becomes the Accord role(s) it names; an unlisted one passes through
 * when it is an Accord role's name and is dropped otherwise.
 */
public final class JwtRoles {

    private final List<String> claimPaths;
    private final Map<String, List<String>> roleMap;

    public JwtRoles(List<String> claimPaths, Map<String, String> roleMap) {
        this.claimPaths = claimPaths.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (this.claimPaths.isEmpty()) {
            throw new IllegalArgumentException("accord.auth.jwt.roles-claim must name at least one claim");
        }
        this.roleMap = new LinkedHashMap<>();
        roleMap.forEach((providerRole, accordRoles) -> {
            List<String> targets = new ArrayList<>();
            for (String role : accordRoles.split(",")) {
                String r = role.trim();
                if (!Roles.ALL.contains(r)) {
                    throw new IllegalArgumentException("accord.auth.jwt.role-map.\"" + providerRole + "\" names '" + r
                            + "', which is not one of the roles " + String.join(", ", Roles.ALL));
                }
                targets.add(r);
            }
            this.roleMap.put(providerRole, targets);
        });
    }

    /** The Accord roles of a token with these claims (claim values as JSON-like maps, lists and strings). */
    public Set<String> rolesOf(Map<String, ?> claims) {
        Set<String> roles = new TreeSet<>();
        for (String path : claimPaths) {
            for (String providerRole : names(find(claims, path))) {
                List<String> mapped = roleMap.get(providerRole);
                if (mapped != null) {
                    roles.addAll(mapped);
                } else if (Roles.ALL.contains(providerRole)) {
                    roles.add(providerRole);
                }
            }
        }
        return roles;
    }

    /** The value at {@code path} in {@code object}, or null. */
    static Object find(Object object, String path) {
        if (!(object instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.containsKey(path)) {
            return map.get(path);
        }
        for (int dot = path.indexOf('.'); dot > 0 && dot < path.length() - 1; dot = path.indexOf('.', dot + 1)) {
            String head = path.substring(0, dot);
            if (map.containsKey(head)) {
                Object found = find(map.get(head), path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (v instanceof String s && !s.isBlank()) {
                    names.add(s.trim());
                }
            }
        } else if (value instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    names.add(part);
                }
            }
        }
        return names;
    }
}
