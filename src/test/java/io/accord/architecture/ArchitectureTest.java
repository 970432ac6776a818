package io.accord.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.accord.common.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of {@code docs/architecture.md}, checked over the compiled main classes and their sources: features
 * use each other only as the page's diagram draws it (so there are no cycles), every table is written by the one
 * feature that owns it, and the rule classes hold no framework types.
 */
class ArchitectureTest {

    /** Each feature and the features it may use. The diagram in docs/architecture.md draws this map. */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", List.of()),
            Map.entry("audit", List.of("common")),
            Map.entry("calendar", List.of("common", "audit")),
            Map.entry("team", List.of("common", "audit", "calendar")),
            Map.entry("security", List.of("common", "audit", "team")),
            Map.entry("icp", List.of("common", "audit")),
            Map.entry("lead", List.of("common", "audit", "icp", "team")),
            Map.entry("alert", List.of("common", "audit", "security")),
            Map.entry("people", List.of("common", "audit", "calendar", "team")),
            Map.entry("sla", List.of("common", "audit", "calendar", "team", "lead", "alert", "people")),
            Map.entry("webhook", List.of("common", "audit", "alert")),
            Map.entry("commitment", List.of("common", "audit", "calendar", "team", "icp", "alert")),
            Map.entry("report", List.of("common", "calendar", "commitment", "sla")),
            Map.entry("evidence", List.of("common", "audit", "icp", "alert")));

    /** Each table and the one feature that writes it (the table of docs/architecture.md). Reports may read any. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("idempotency_keys", "common"),
            Map.entry("audit_events", "audit"),
            Map.entry("calendars", "calendar"),
            Map.entry("teams", "team"),
            Map.entry("api_keys", "security"),
            Map.entry("stream_tokens", "security"),
            Map.entry("icps", "icp"),
            Map.entry("icp_versions", "icp"),
            Map.entry("icp_approvals", "icp"),
            Map.entry("icp_catalog_state", "icp"),
            Map.entry("leads", "lead"),
            Map.entry("lead_touches", "lead"),
            Map.entry("lead_events", "lead"),
            Map.entry("lead_inbound_messages", "lead"),
            Map.entry("sla_clock_pauses", "sla"),
            Map.entry("sla_policies", "sla"),
            Map.entry("sla_policy_revisions", "sla"),
            Map.entry("sla_clocks", "sla"),
            Map.entry("alerts", "alert"),
            Map.entry("events", "alert"),
            Map.entry("webhooks", "webhook"),
            Map.entry("webhook_deliveries", "webhook"),
            Map.entry("webhook_fanout", "webhook"),
            Map.entry("commitments", "commitment"),
            Map.entry("people", "people"),
            Map.entry("people_memberships", "people"),
            Map.entry("people_absences", "people"),
            Map.entry("people_rotations", "people"),
            Map.entry("sla_clock_rollups", "report"),
            Map.entry("sla_rollup_months", "report"),
            Map.entry("sla_rollup_changes", "report"),
            Map.entry("icp_backtests", "evidence"),
            Map.entry("icp_drift_checks", "evidence"));

    /**
     * The rule classes: plain Java, tested with plain unit and property tests. They use the JDK and each other, and
     * nothing of Quarkus, Jakarta, MicroProfile, Vert.x, Mutiny, Jackson, Hibernate or Netty, nor an HTTP problem.
     */
    static final List<String> RULES = List.of(
            "io.accord.calendar.BusinessCalendar", "io.accord.calendar.BusinessTime", "io.accord.calendar.BusinessTimes",
            "io.accord.calendar.TimeRange", "io.accord.calendar.CalendarRules", "io.accord.calendar.SpanCursor",
            "io.accord.calendar.WeeklySchedule",
            "io.accord.commitment.CommitmentCheck", "io.accord.commitment.CommitmentPeriod",
            "io.accord.commitment.PeriodFigures",
            "io.accord.evidence.Tally", "io.accord.evidence.Figures", "io.accord.evidence.CriterionTally",
            "io.accord.evidence.SuggestionTally", "io.accord.evidence.DriftRule", "io.accord.evidence.Outcome",
            "io.accord.common.SecretBox", "io.accord.common.TokenBucket", "io.accord.common.InstantRange",
            "io.accord.icp.CompiledIcp", "io.accord.icp.IcpEvaluator", "io.accord.icp.IcpRules",
            "io.accord.icp.IcpVersionLifecycle", "io.accord.icp.IcpDiff", "io.accord.icp.Values",
            "io.accord.icp.IcpScorer",
            "io.accord.people.Availability", "io.accord.people.AssigneePicker",
            "io.accord.lead.LeadLifecycle", "io.accord.lead.LeadIntakeRules", "io.accord.lead.ContactRedaction",
            "io.accord.lead.LeadHolds",
            "io.accord.report.CsvWriter", "io.accord.report.DigestMarkdown", "io.accord.report.IsoWeek",
            "io.accord.report.Rates",
            "io.accord.sla.ClockCheck", "io.accord.sla.ClockRules", "io.accord.sla.PolicySelector",
            "io.accord.sla.SlaPolicyRules", "io.accord.sla.CompiledPolicy", "io.accord.sla.MilestoneTarget",
            "io.accord.sla.ClockPauses", "io.accord.sla.ClockCalendars",
            "io.accord.sla.BreachReassignment",
            "io.accord.webhook.RetrySchedule", "io.accord.webhook.TargetPolicy", "io.accord.webhook.WebhookSigner",
            "io.accord.webhook.SlackText");

    private static final Pattern WRITE =
            Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_]+)\\b");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.accord");
    }

    /** No cycles among the packages directly below {@code root} (one slice per feature). */
    static ArchRule noCyclesBelow(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The rule classes depend on nothing but the JDK and each other. */
    static ArchRule pure(List<String> rules) {
        DescribedPredicate<JavaClass> rule = DescribedPredicate.describe("rule classes",
                c -> rules.contains(c.getName()) || rules.contains(c.getName().replaceAll("\\$.*", "")));
        return noClasses().that(rule).should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..",
                        "org.eclipse.microprofile..", "io.vertx..", "io.smallrye..", "com.fasterxml..",
                        "org.hibernate..", "io.netty..", "io.micrometer..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProblemException.class);
    }

    @Test
    void featuresFormNoCycles() {
        noCyclesBelow("io.accord").check(main);
    }

    @Test
    void featuresUseOnlyTheFeaturesTheDiagramAllows() {
        List<String> unknown = main.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("io.accord."))
                .map(ArchitectureTest::feature).distinct().filter(f -> !ALLOWED.containsKey(f)).toList();
        assertEquals(List.of(), unknown, "features missing from ALLOWED and from docs/architecture.md");
        for (Map.Entry<String, List<String>> feature : ALLOWED.entrySet()) {
            String[] allowed = Stream.concat(Stream.of(feature.getKey()), feature.getValue().stream())
                    .map(f -> "io.accord." + f + "..").toArray(String[]::new);
            classes().that().resideInAPackage("io.accord." + feature.getKey() + "..")
                    .should().onlyDependOnClassesThat(resideInAnyPackage(allowed).or(not(resideInAPackage("io.accord.."))))
                    .as("classes of " + feature.getKey() + " use only " + feature.getValue() + " of Accord")
                    .check(main);
        }
    }

    @Test
    void everyTableIsWrittenOnlyByItsOwner() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> strays = new ArrayList<>();
        Map<String, String> unowned = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = root.relativize(file).getName(2).toString();
                Matcher m = WRITE.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    String owner = OWNER.get(table);
                    if (owner == null) {
                        if (table.contains("_") || OWNER.containsValue(table)) {
                            unowned.put(table, root.relativize(file).toString());
                        }
                    } else if (!owner.equals(feature)) {
                        strays.add(root.relativize(file) + " writes " + table + ", which " + owner + " owns");
                    }
                }
            }
        }
        assertEquals(Map.of(), unowned, "tables written but missing from OWNER");
        assertEquals(List.of(), strays.stream().distinct().toList());
        // Entities are written through their session: each lives in the feature that owns its table.
        for (JavaClass entity : main.stream().filter(c -> c.isAnnotatedWith(Entity.class)).toList()) {
            String table = entity.tryGetAnnotationOfType(Table.class).map(Table::name).orElse("");
            assertEquals(OWNER.get(table), feature(entity.getPackageName()),
                    entity.getName() + " maps " + table + " outside its owner");
        }
    }

    @Test
    void ruleClassesHoldNoFrameworkTypes() {
        for (String name : RULES) {
            main.get(name); // fails when a listed class is renamed or gone, so the list cannot rot
        }
        pure(RULES).check(main);
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughItsServicesAndPortsNeverItsEntities() {
        for (String feature : ALLOWED.keySet()) {
            DescribedPredicate<JavaClass> foreignEntity = DescribedPredicate.describe("entities of other features",
                    c -> c.isAnnotatedWith(Entity.class) && !feature(c.getPackageName()).equals(feature));
            noClasses().that().resideInAPackage("io.accord." + feature + "..")
                    .should().dependOnClassesThat(foreignEntity)
                    .check(main);
        }
    }

    @Test
    void repositoriesAndStoresStayInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").or().haveSimpleNameEndingWith("Store")
                .should().notBePublic()
                .check(main);
    }

    private static String feature(String packageName) {
        return packageName.substring("io.accord.".length()).split("\\.")[0];
    }
}
