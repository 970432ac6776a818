package io.accord.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link DatabaseTestResource} for every Quarkus test in the module. */
@QuarkusTestResource(value = DatabaseTestResource.class, restrictToAnnotatedClass = false)
public final class AllTestsUseTheDatabase {

    private AllTestsUseTheDatabase() {
    }
}
