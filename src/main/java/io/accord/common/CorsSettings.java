package io.accord.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches Quarkus' own CORS filter on exactly when {@code accord.cors.origins} ({@code ACCORD_CORS_ORIGINS}) names
 * origins, and hands them to it. {@code quarkus.http.cors.enabled} is a runtime setting, but a plain property
 * expression cannot say "true when that list is not empty", so this config source derives it. The allowed and
 * exposed headers and methods are in {@code application.properties}. Explicit {@code QUARKUS_HTTP_CORS_*}
 * environment variables or system properties still win (they have higher ordinals).
 */
public class CorsSettings implements ConfigSourceFactory {

    static final String ORIGINS = "accord.cors.origins";
    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(ORIGINS);
        String origins = value == null || value.getValue() == null ? "" : value.getValue().trim();
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.http.cors.enabled", Boolean.toString(!origins.isEmpty()));
        if (!origins.isEmpty()) {
            settings.put("quarkus.http.cors.origins", origins);
        }
        return List.of(new PropertiesConfigSource(settings, "accord-cors", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
