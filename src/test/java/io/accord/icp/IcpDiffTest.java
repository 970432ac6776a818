package io.accord.icp;

import static io.accord.icp.IcpFixtures.between;
import static io.accord.icp.IcpFixtures.containsAny;
import static io.accord.icp.IcpFixtures.eq;
import static io.accord.icp.IcpFixtures.exists;
import static io.accord.icp.IcpFixtures.gte;
import static io.accord.icp.IcpFixtures.icp;
import static io.accord.icp.IcpFixtures.in;
import static io.accord.icp.IcpFixtures.required;
import static io.accord.icp.IcpFixtures.withWeight;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IcpDiffTest {

    private static final Tier[] ABC = {new Tier("A", 80), new Tier("B", 60), new Tier("C", 40)};
    private static final Diff NONE = new Diff(List.of(), List.of(), List.of(), List.of());

    @Test
    void identicalDefinitionsHaveNoDifferences() {
        IcpDefinition def = icp(List.of(in("company.industry", 30, "software"), exists("custom.crm", 5)), ABC);
        assertEquals(NONE, IcpDiff.between(def, def));
    }

    @Test
    void criteriaAreMatchedByAttributeAndOperatorRegardlessOfPosition() {
        Criterion industry = in("company.industry", 30, "software");
        Criterion crm = exists("custom.crm", 5);
        assertEquals(NONE, IcpDiff.between(icp(List.of(industry, crm), ABC), icp(List.of(crm, industry), ABC)));
    }

    @Test
    void addedAndRemovedCriteria() {
        Criterion industry = in("company.industry", 30, "software");
        Criterion crm = exists("custom.crm", 5);
        Criterion title = containsAny("contact.title", 30, "vp");
        Diff diff = IcpDiff.between(icp(List.of(industry, crm), ABC), icp(List.of(title, industry), ABC));
        assertEquals(List.of(title), diff.added());
        assertEquals(List.of(crm), diff.removed());
        assertEquals(List.of(), diff.changed());
    }

    @Test
    void changingTheOperatorIsARemovalPlusAnAddition() {
        Criterion before = in("company.industry", 30, "software");
        Criterion after = IcpFixtures.notIn("company.industry", 30, "software");
        Diff diff = IcpDiff.between(icp(List.of(before), ABC), icp(List.of(after), ABC));
        assertEquals(List.of(after), diff.added());
        assertEquals(List.of(before), diff.removed());
        assertEquals(List.of(), diff.changed());
    }

    @Test
    void changedCriterionListsTheFieldsThatDiffer() {
        Criterion before = between("company.employees", 25, "50", "5000");
        Criterion after = required(withWeight(between("company.employees", 25, "100", "5000"), 40));
        Diff diff = IcpDiff.between(icp(List.of(before), ABC), icp(List.of(after), ABC));
        assertEquals(List.of(new CriterionChange("company.employees", "between", before, after,
                List.of("min", "weight", "required"))), diff.changed());
        assertEquals(List.of(), diff.added());
        assertEquals(List.of(), diff.removed());
    }

    @Test
    void valuesAndValueChangesAreReported() {
        Criterion inBefore = in("company.industry", 30, "software");
        Criterion inAfter = in("company.industry", 30, "software", "fintech");
        Criterion eqBefore = eq("contact.seniority", 10, "senior");
        Criterion eqAfter = eq("contact.seniority", 10, "executive");
        Diff diff = IcpDiff.between(icp(List.of(inBefore, eqBefore), ABC), icp(List.of(inAfter, eqAfter), ABC));
        assertEquals(List.of(
                new CriterionChange("company.industry", "in", inBefore, inAfter, List.of("values")),
                new CriterionChange("contact.seniority", "eq", eqBefore, eqAfter, List.of("value"))), diff.changed());
    }

    @Test
    void differencesThatEvaluationIgnoresAreNotChanges() {
        IcpDefinition before = icp(List.of(
                in("company.industry", 30, "software", "fintech"),
                gte("company.annualRevenue", 10, "1000000"),
                between("company.employees", 25, "50", "5000"),
                new Criterion("custom.crm", Operator.EXISTS, null, null, null, null, 5, null)), ABC);
        IcpDefinition after = icp(List.of(
                in("company.industry", 30, " FinTech", "SOFTWARE", "software"),
                gte("company.annualRevenue", 10, "1e6"),
                between("company.employees", 25, "50.0", "5000.00"),
                new Criterion("custom.crm", Operator.EXISTS, null, null, null, null, 5, false)), ABC);
        assertEquals(NONE, IcpDiff.between(before, after));
    }

    @Test
    void duplicatePairsAreMatchedInOrder() {
        Criterion first = containsAny("contact.title", 10, "vp");
        Criterion second = containsAny("contact.title", 20, "chief");
        Criterion secondChanged = containsAny("contact.title", 20, "chief", "head of");
        Diff diff = IcpDiff.between(icp(List.of(first, second), ABC), icp(List.of(first, secondChanged), ABC));
        assertEquals(List.of(new CriterionChange("contact.title", "contains_any", second, secondChanged,
                List.of("values"))), diff.changed());

        Diff dropped = IcpDiff.between(icp(List.of(first, second), ABC), icp(List.of(first), ABC));
        assertEquals(List.of(second), dropped.removed());
        assertEquals(List.of(), dropped.changed());
    }

    @Test
    void tierChangesAreMatchedByLabel() {
        IcpDefinition before = icp(List.of(exists("custom.a", 1)), new Tier("A", 80), new Tier("B", 60),
                new Tier("C", 40));
        IcpDefinition after = icp(List.of(exists("custom.a", 1)), new Tier("A", 85), new Tier("B", 60),
                new Tier("D", 20));
        assertEquals(List.of(
                new TierChange("A", 80, 85, "changed"),
                new TierChange("D", null, 20, "added"),
                new TierChange("C", 40, null, "removed")), IcpDiff.between(before, after).tiers());
    }

    @Test
    void diffAgainstNothingAddsEverything() {
        IcpDefinition def = icp(List.of(exists("custom.a", 1)), new Tier("A", 50));
        Diff diff = IcpDiff.between(null, def);
        assertEquals(def.criteria(), diff.added());
        assertEquals(List.of(new TierChange("A", null, 50, "added")), diff.tiers());
    }
}
