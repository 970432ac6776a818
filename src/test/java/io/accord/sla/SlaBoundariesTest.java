package io.accord.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SLA depends on leads (their services, summaries and the port it implements), calendars, teams, alerts, audit,
 * security and common; never on the features that read its clocks (reports, commitments), on ICPs or on webhooks.
 * And it alone writes its clocks.
 */
class SlaBoundariesTest {

    private static final Pattern WRITES_CLOCKS =
            Pattern.compile("(update|insert\\s+into|delete\\s+from)\\s+sla_clocks\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void slaDependsOnlyOnTheFeaturesBelowIt() {
        noClasses().that().resideInAPackage("io.accord.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("io.accord.report..", "io.accord.commitment..",
                        "io.accord.icp..", "io.accord.webhook..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.accord"));
    }

    @Test
    void onlyTheSlaStoresWriteSlaClocks() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return WRITES_CLOCKS.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
            assertEquals(List.of("io/accord/sla/ClockBatchStore.java", "io/accord/sla/SlaClockRepository.java"), writers);
        }
    }
}
