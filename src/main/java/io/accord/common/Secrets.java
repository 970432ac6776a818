package io.accord.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@link SecretBox} of this installation, from {@code accord.secrets.key} ({@code ACCORD_SECRETS_KEY}) and
 * {@code accord.secrets.previous-keys}. Without a key the service does not start: an external database whose secrets
 * could not be read back after a restart, or were stored in clear, would be worse than a clear refusal. Only the
 * embedded evaluation database gets a generated key, kept in its data directory ({@link #evaluationKey}).
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class);
    public static final String KEY_FILE = "accord-secrets.key";
    static final String MISSING = "ACCORD_SECRETS_KEY (accord.secrets.key) is not set. Accord encrypts webhook signing "
            + "secrets at rest and will not start with an external database without this key. Generate one with "
            + "`openssl rand -base64 32`, keep it in your secret store, and set it on every replica; see README "
            + "'Secrets at rest'.";

    private final SecretBox box;

    public Secrets(SecretSettings config) {
        String key = config.key().filter(k -> !k.isBlank()).orElse(null);
        if (key == null) {
            LOG.error(MISSING);
            throw new IllegalStateException(MISSING);
        }
        this.box = SecretBox.fromBase64(key, config.previousKeys().orElse(List.of()));
    }

    /** Fails the start at once, not at the first webhook, when the key is missing or malformed. */
    void checkAtStart(@Observes StartupEvent event) {
        LOG.infof("Secrets at rest: AES-256-GCM with key %s%s", box.currentKeyId(),
                box.previousKeyIds().isEmpty() ? "" : ", previous keys " + box.previousKeyIds());
    }

    public SecretBox box() {
        return box;
    }

    /**
     * The key of an embedded evaluation database: read from {@code <dataDir>/accord-secrets.key}, or generated there
     * (owner-only permissions) on first use, so a restart still opens what was sealed before. Never for production.
     */
    public static String evaluationKey(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, SecretBox.generateKey() + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first; read theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, SecretBox.generateKey() + "\n", StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the evaluation secrets key " + file, e);
        }
    }
}
