package io.accord.common;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Browser access from other origins, CORS ({@code accord.cors.*}). */
@ConfigMapping(prefix = "accord.cors")
public interface CorsOrigins {

    /**
     * Origins (scheme://host[:port]) whose browser pages may call the API. Empty (the default) keeps CORS off: no
     * CORS headers at all. {@link CorsSettings} turns this into Quarkus' own CORS filter settings.
     */
    Optional<List<String>> origins();
}
