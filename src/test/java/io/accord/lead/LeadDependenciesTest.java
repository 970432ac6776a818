package io.accord.lead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The lead feature depends on ICP, teams, audit, security and common only. It meets SLA through its own port
 * {@link LeadClocks}, which SLA implements, so the dependency runs from sla to lead and never back.
 */
class LeadDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.accord");

    @Test
    void leadNeverDependsOnSla() {
        noClasses().that().resideInAPackage("io.accord.lead..")
                .should().dependOnClassesThat().resideInAPackage("io.accord.sla..")
                .check(MAIN);
    }

    @Test
    void leadDependsOnlyOnTheFeaturesBelowIt() {
        noClasses().that().resideInAPackage("io.accord.lead..")
                .should().dependOnClassesThat().resideInAnyPackage("io.accord.calendar..", "io.accord.alert..",
                        "io.accord.webhook..", "io.accord.commitment..", "io.accord.report..")
                .check(MAIN);
    }
}
