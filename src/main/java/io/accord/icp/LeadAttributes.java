package io.accord.icp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's attributes as generic JSON ({@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map}) under the three roots {@code company}, {@code contact} and {@code custom}.
 * Each root map is copied shallowly, keeping its order (null values are allowed); a null root becomes an empty map.
 */
public record LeadAttributes(Map<String, Object> company, Map<String, Object> contact, Map<String, Object> custom) {

    /** A lead with no attributes at all. */
    public static final LeadAttributes EMPTY = new LeadAttributes(null, null, null);

    public LeadAttributes {
        company = copy(company);
        contact = copy(contact);
        custom = copy(custom);
    }

    /**
     * The value at a dot path such as {@code company.industry} or {@code custom.a.b}, walking nested maps.
     * Empty when the path is invalid, a segment is absent, an intermediate value is not a map, or the value is null.
     */
    public Optional<Object> lookup(String path) {
        AttributePath parsed = AttributePath.parse(path);
        return parsed == null ? Optional.empty() : Optional.ofNullable(resolve(parsed.root(), parsed.rest()));
    }

    /** Hot-path lookup for a pre-parsed path; null when not found. */
    Object resolve(int root, String[] rest) {
        Object value = (root == AttributePath.COMPANY ? company : root == AttributePath.CONTACT ? contact : custom)
                .get(rest[0]);
        for (int i = 1; i < rest.length; i++) {
            if (!(value instanceof Map<?, ?> nested)) {
                return null;
            }
            value = nested.get(rest[i]);
        }
        return value;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
