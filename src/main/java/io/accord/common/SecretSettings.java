package io.accord.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Encryption of stored secrets, such as webhook signing secrets ({@code accord.secrets.*}). */
@ConfigMapping(prefix = "accord.secrets")
public interface SecretSettings {

    /**
     * The AES-256 key (32 bytes, base64) that encrypts stored secrets. Required with an external database; the
     * embedded evaluation database generates one into its data directory.
     */
    Optional<String> key();

    /** Earlier keys (comma-separated, base64) that still decrypt, during a key rotation. */
    Optional<List<String>> previousKeys();

    /**
     * How often one replica re-encrypts secrets still sealed with a previous key (also done at start); read by the
     * scheduler of {@code WebhookSecretsReseal}.
     */
    @WithDefault("PT1H")
    Duration resealInterval();
}
