package io.accord;

import io.accord.common.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts Accord. Without a configured database URL it first starts an embedded PostgreSQL whose data lives in
 * {@code ACCORD_DB_EMBEDDED_DATA_DIR} (default {@code ./data}), for evaluation only.
 */
@QuarkusMain
public final class AccordMain {

    private static final Logger LOG = Logger.getLogger(AccordMain.class);

    AccordMain() {
    }

    public static void main(String... args) {
        if (!EmbeddedDatabase.externalUrlConfigured() && !initOnly()) {
            Path dataDir = Path.of(setting("ACCORD_DB_EMBEDDED_DATA_DIR", "accord.db.embedded.data-dir", "./data"));
            LOG.warnf("No database URL configured (ACCORD_DB_URL): starting an EMBEDDED PostgreSQL with its data in %s. "
                    + "This mode is for evaluation only; set ACCORD_DB_URL to use a real PostgreSQL.", dataDir.toAbsolutePath());
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
            for (Map.Entry<String, String> e : db.quarkusSettings().entrySet()) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
        Quarkus.run(args);
    }

    private static boolean initOnly() {
        return Boolean.parseBoolean(setting("QUARKUS_INIT_AND_EXIT", "quarkus.init-and-exit", "false"));
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
