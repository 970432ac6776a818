package io.accord.support;

import io.accord.common.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives every test run a clean database, and points JWT verification at the test issuer.
 *
 * <p>By default a fresh embedded PostgreSQL in a temporary directory, started once per JVM. With {@code ACCORD_DB_URL}
 * (or the QUARKUS_DATASOURCE_* URLs) set, the tests use that server instead and Flyway cleans its schema first.
 */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://accord.test/issuer";
    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(jwt());
        if (EmbeddedDatabase.externalUrlConfigured()) {
            settings.put("quarkus.flyway.clean-disabled", "false");
            settings.put("quarkus.flyway.clean-at-start", "true");
        } else {
            if (database == null) {
                database = EmbeddedDatabase.start(null);
            }
            settings.putAll(database.quarkusSettings());
        }
        return settings;
    }

    @Override
    public void stop() {
        // The embedded server lives as long as the JVM, so a restart for another test profile reuses it.
    }

    /**
     * In test mode SmallRye JWT generates an in-memory key pair used both to sign test tokens and to verify them;
     * only the issuer has to agree.
     */
    private static Map<String, String> jwt() {
        return Map.of("mp.jwt.verify.issuer", ISSUER, "smallrye.jwt.new-token.issuer", ISSUER);
    }
}
