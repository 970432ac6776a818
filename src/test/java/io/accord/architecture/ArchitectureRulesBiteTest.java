package io.accord.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} fail where they should: run on small fixtures (in {@code fixture}) that hold a
 * package cycle and a rule class importing a framework type, they report both, and they pass on the clean parts.
 */
class ArchitectureRulesBiteTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importPackages("io.accord.architecture.fixture");

    @Test
    void aPackageCycleFailsTheCycleRule() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ArchitectureTest.noCyclesBelow("io.accord.architecture.fixture").check(FIXTURES));
        assertTrue(error.getMessage().contains("Cycle detected"), error.getMessage());
    }

    @Test
    void aFrameworkImportInARuleClassFailsThePurityRule() {
        AssertionError error = assertThrows(AssertionError.class, () -> ArchitectureTest.pure(
                List.of("io.accord.architecture.fixture.rules.ImpureRule")).check(FIXTURES));
        assertTrue(error.getMessage().contains("jakarta.ws.rs.WebApplicationException"), error.getMessage());
    }

    @Test
    void aRuleClassOfTheJdkAlonePasses() {
        ArchitectureTest.pure(List.of("io.accord.architecture.fixture.rules.PureRule")).check(FIXTURES);
    }
}
