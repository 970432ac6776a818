package io.accord.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Setting up a new installation ({@code accord.bootstrap-admin-key}, {@code ACCORD_BOOTSTRAP_ADMIN_KEY}). */
@ConfigMapping(prefix = "accord")
public interface BootstrapSettings {

    /**
     * An admin API key accepted without being stored (at least 32 characters), so a new installation can be set up
     * by API.
     */
    Optional<String> bootstrapAdminKey();
}
