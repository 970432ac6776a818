package io.accord;

import io.accord.common.EmbeddedDatabase;
import io.accord.common.Secrets;
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
            if (setting("ACCORD_SECRETS_KEY", "accord.secrets.key", "").isEmpty()) {
                LOG.warnf("No ACCORD_SECRETS_KEY: webhook secrets are encrypted with an evaluation key kept in %s. "
                        + "Anyone who can read the data directory can decrypt them; set ACCORD_SECRETS_KEY for real use.",
                        dataDir.resolve(Secrets.KEY_FILE).toAbsolutePath());
                System.setProperty("accord.secrets.key", Secrets.evaluationKey(dataDir));
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
