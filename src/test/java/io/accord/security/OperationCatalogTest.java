package io.accord.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperationCatalogTest {

    @Test
    void pathsJoinWithoutDoubleSlashesOrRegexTemplates() {
        assertEquals("/api/v1/icps/{key}/versions/{n}",
                OperationCatalog.join("/api/v1/icps", "/{key}/versions/{n: [0-9]+}"));
        assertEquals("/api/v1/alerts", OperationCatalog.join("/api/v1/", "alerts/"));
        assertEquals("/api/v1/me", OperationCatalog.join("/api/v1/me", ""));
    }
}
