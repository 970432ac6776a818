package io.accord.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Who sees people's contact data ({@code accord.privacy.*}). */
@ConfigMapping(prefix = "accord.privacy")
public interface PrivacySettings {

    /**
     * The roles that read a lead's {@code contact.email} and {@code contact.phone}; for a caller with none of them
     * both are {@code null} in every lead it reads.
     */
    @WithDefault("admin,marketing,sales,sales_manager")
    Set<String> contactRoles();
}
