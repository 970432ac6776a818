package io.accord.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs {@link ContractFilter} before each {@code @QuarkusTest} method (registered in
 * {@code META-INF/services}), so that no API test can receive a response without it being checked against the
 * contract.
 */
public class ContractFilterInstaller implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractFilter.install();
    }
}
