package io.accord.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The alert feature is used by the features that raise alerts or read its events; it knows none of them. */
class AlertDependenciesTest {

    @Test
    void theAlertFeatureDependsOnNoFeatureThatUsesIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.accord");
        noClasses().that().resideInAPackage("io.accord.alert..").should().dependOnClassesThat()
                .resideInAnyPackage("io.accord.webhook..", "io.accord.sla..", "io.accord.commitment..")
                .check(classes);
    }
}
