package io.accord.icp;

import static io.accord.icp.IcpFixtures.between;
import static io.accord.icp.IcpFixtures.company;
import static io.accord.icp.IcpFixtures.containsAny;
import static io.accord.icp.IcpFixtures.custom;
import static io.accord.icp.IcpFixtures.eq;
import static io.accord.icp.IcpFixtures.exists;
import static io.accord.icp.IcpFixtures.gte;
import static io.accord.icp.IcpFixtures.icp;
import static io.accord.icp.IcpFixtures.in;
import static io.accord.icp.IcpFixtures.lte;
import static io.accord.icp.IcpFixtures.map;
import static io.accord.icp.IcpFixtures.notIn;
import static io.accord.icp.IcpFixtures.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IcpEvaluatorTest {

    private static final Tier[] ABC = {new Tier("A", 80), new Tier("B", 60), new Tier("C", 40)};

    private static CriterionResult only(Criterion c, LeadAttributes lead) {
        Evaluation e = IcpEvaluator.evaluate(icp(List.of(c), new Tier("T", 0)), lead);
        assertEquals(1, e.criteria().size());
        return e.criteria().get(0);
    }

    private static boolean matches(Criterion c, LeadAttributes lead) {
        return only(c, lead).matched();
    }

    // ---- eq ------------------------------------------------------------------------------------------------

    @Test
    void eqComparesStringsTrimmedAndCaseInsensitively() {
        assertTrue(matches(eq("company.industry", 10, " Software "), company("industry", "sOFTWARE  ")));
        assertFalse(matches(eq("company.industry", 10, "software"), company("industry", "softwares")));
    }

    @Test
    void eqComparesNumbersNumericallyWhenBothSidesParse() {
        assertTrue(matches(eq("company.employees", 10, "50"), company("employees", 50.0)));
        assertTrue(matches(eq("company.employees", 10, "50.00"), company("employees", 50)));
        assertTrue(matches(eq("company.employees", 10, "1e3"), company("employees", " 1000 ")));
        assertTrue(matches(eq("company.employees", 10, "7"), company("employees", 7L)));
        assertTrue(matches(eq("company.employees", 10, "12345678901234567890"),
                company("employees", new BigInteger("12345678901234567890"))));
        assertFalse(matches(eq("company.employees", 10, "50"), company("employees", 50.5)));
    }

    @Test
    void eqOnListMatchesIfAnyElementMatches() {
        assertTrue(matches(eq("custom.tags", 10, "B"), custom("tags", List.of("a", " b "))));
        assertFalse(matches(eq("custom.tags", 10, "c"), custom("tags", List.of("a", "b"))));
        assertFalse(matches(eq("custom.tags", 10, "c"), custom("tags", List.of())));
    }

    @Test
    void eqMatchesBooleansByTheirTextAndNeverMatchesMaps() {
        assertTrue(matches(eq("custom.partner", 10, "TRUE"), custom("partner", true)));
        assertFalse(matches(eq("custom.partner", 10, "true"), custom("partner", false)));
        assertFalse(matches(eq("custom.a", 10, "x"), custom("a", map("b", "x"))));
    }

    // ---- in / not_in ---------------------------------------------------------------------------------------

    @Test
    void inMatchesAnyValueCaseInsensitivelyAndTrimmed() {
        Criterion c = in("company.industry", 30, "software", " FinTech ");
        assertTrue(matches(c, company("industry", "fintech")));
        assertTrue(matches(c, company("industry", "  SOFTWARE")));
        assertFalse(matches(c, company("industry", "retail")));
    }

    @Test
    void inMixesNumericAndTextualValues() {
        Criterion c = in("custom.code", 5, "10", "abc");
        assertTrue(matches(c, custom("code", 10.0)));
        assertTrue(matches(c, custom("code", "010")));
        assertTrue(matches(c, custom("code", "ABC")));
        assertFalse(matches(c, custom("code", 11)));
    }

    @Test
    void inOnListMatchesIfAnyElementMatches() {
        Criterion c = in("custom.techStack", 5, "salesforce", "hubspot");
        assertTrue(matches(c, custom("techStack", List.of("Slack", "HubSpot"))));
        assertFalse(matches(c, custom("techStack", List.of("Slack", "Jira"))));
        assertFalse(matches(c, custom("techStack", Arrays.asList(null, "Jira"))));
    }

    @Test
    void notInMatchesWhenNoValueMatches() {
        Criterion c = notIn("company.industry", 10, "gambling", "Tobacco");
        assertTrue(matches(c, company("industry", "software")));
        assertFalse(matches(c, company("industry", " TOBACCO ")));
    }

    @Test
    void notInOnListMatchesOnlyIfNoElementMatches() {
        Criterion c = notIn("custom.techStack", 10, "oracle");
        assertTrue(matches(c, custom("techStack", List.of("postgres", "mysql"))));
        assertFalse(matches(c, custom("techStack", List.of("postgres", "Oracle"))));
        assertTrue(matches(c, custom("techStack", List.of())), "an empty list is present and contains nothing");
    }

    @Test
    void notInOnMissingAttributeNeverMatches() {
        Criterion c = notIn("company.industry", 10, "gambling");
        assertFalse(matches(c, company()));
        assertFalse(matches(c, company("industry", null)));
        assertFalse(matches(c, company("industry", "  ")));
    }

    // ---- gte / lte / between -------------------------------------------------------------------------------

    @Test
    void gteAndLteAreInclusiveAndAcceptNumericStrings() {
        assertTrue(matches(gte("company.annualRevenue", 10, "1000000"), company("annualRevenue", 1_000_000)));
        assertTrue(matches(gte("company.annualRevenue", 10, "1e6"), company("annualRevenue", "2500000.50")));
        assertFalse(matches(gte("company.annualRevenue", 10, "1000000"), company("annualRevenue", 999_999.99)));
        assertTrue(matches(lte("company.employees", 10, "500"), company("employees", "500")));
        assertFalse(matches(lte("company.employees", 10, "500"), company("employees", 501)));
        assertTrue(matches(lte("company.employees", 10, "-1.5"), company("employees", -2)));
    }

    @Test
    void betweenIsInclusiveAtBothEnds() {
        Criterion c = between("company.employees", 25, "50", "5000");
        assertTrue(matches(c, company("employees", 50)));
        assertTrue(matches(c, company("employees", 5000.0)));
        assertTrue(matches(c, company("employees", " 120 ")));
        assertFalse(matches(c, company("employees", 49.999)));
        assertFalse(matches(c, company("employees", 5001)));
    }

    @Test
    void numericOperatorsOnNonNumericValueDoNotMatchAndAreNotMissing() {
        Criterion c = between("company.employees", 25, "50", "5000");
        for (Object actual : List.of("about 100", true, List.of(100), map("n", 100), Double.NaN, "1,000")) {
            Evaluation e = IcpEvaluator.evaluate(icp(List.of(c), new Tier("T", 0)), company("employees", actual));
            assertFalse(e.criteria().get(0).matched(), () -> "actual " + actual);
            assertEquals(List.of(), e.missingAttributes(), () -> "actual " + actual);
            assertEquals(actual, e.criteria().get(0).actual());
        }
    }

    // ---- contains_any --------------------------------------------------------------------------------------

    @Test
    void containsAnyFindsKeywordsInStringsCaseInsensitively() {
        Criterion c = containsAny("contact.title", 30, "vp", "head of", "Chief");
        assertTrue(matches(c, new LeadAttributes(null, map("title", "SVP, Sales"), null)));
        assertTrue(matches(c, new LeadAttributes(null, map("title", "Head Of Growth"), null)));
        assertTrue(matches(c, new LeadAttributes(null, map("title", "CHIEF revenue officer"), null)));
        assertFalse(matches(c, new LeadAttributes(null, map("title", "Marketing Manager"), null)));
        assertFalse(matches(c, new LeadAttributes(null, map("title", "head-of growth"), null)));
    }

    @Test
    void containsAnyOnListNeedsAWholeElementInCommon() {
        Criterion c = containsAny("custom.techStack", 5, "Salesforce", " hubspot ");
        assertTrue(matches(c, custom("techStack", List.of("slack", "HUBSPOT "))));
        assertFalse(matches(c, custom("techStack", List.of("salesforce cpq", "slack"))));
    }

    @Test
    void containsAnyDoesNotMatchNumbersBooleansOrMaps() {
        Criterion c = containsAny("custom.x", 5, "1", "true");
        assertFalse(matches(c, custom("x", 1)));
        assertFalse(matches(c, custom("x", true)));
        assertFalse(matches(c, custom("x", map("1", "true"))));
    }

    // ---- exists --------------------------------------------------------------------------------------------

    @Test
    void existsMatchesAnyPresentNonNullValue() {
        Criterion c = exists("custom.crm", 5);
        for (Object actual : List.of("salesforce", 0, false, List.of(), map())) {
            assertTrue(matches(c, custom("crm", actual)), () -> "actual " + actual);
        }
    }

    @Test
    void existsTreatsNullEmptyAndBlankStringsAsAbsent() {
        Criterion c = exists("custom.crm", 5);
        for (LeadAttributes lead : List.of(custom(), custom("crm", null), custom("crm", ""), custom("crm", " \t"))) {
            Evaluation e = IcpEvaluator.evaluate(icp(List.of(c), new Tier("T", 0)), lead);
            assertFalse(e.criteria().get(0).matched());
            assertEquals(List.of("custom.crm"), e.missingAttributes());
        }
    }

    // ---- paths and missing attributes ----------------------------------------------------------------------

    @Test
    void nestedCustomPathsWalkMaps() {
        LeadAttributes lead = custom("a", map("b", map("c", "deep")), "flat", "x");
        assertTrue(matches(eq("custom.a.b.c", 5, "DEEP"), lead));
        assertEquals(Optional.of("deep"), lead.lookup("custom.a.b.c"));
        assertEquals(Optional.empty(), lead.lookup("custom.flat.deeper"), "a string has no children");
        assertEquals(Optional.empty(), lead.lookup("custom.a.missing"));
        assertEquals(Optional.empty(), lead.lookup("custom"));
        assertEquals(Optional.empty(), lead.lookup("account.a"));
        assertEquals(Optional.empty(), lead.lookup(null));
    }

    @Test
    void missingAttributeNeverMatchesAnyOperatorAndIsListedOnceInCriteriaOrder() {
        List<Criterion> criteria = List.of(
                eq("company.industry", 1, "x"),
                notIn("company.industry", 1, "x"),
                in("contact.title", 1, "x"),
                gte("company.employees", 1, "1"),
                lte("company.industry", 1, "1"),
                between("company.employees", 1, "1", "2"),
                containsAny("custom.tags", 1, "x"),
                exists("company.industry", 1),
                exists("custom.present", 1));
        Evaluation e = IcpEvaluator.evaluate(icp(criteria, new Tier("T", 0)),
                new LeadAttributes(map("employees", null), null, map("present", "yes")));
        for (int i = 0; i < 8; i++) {
            assertFalse(e.criteria().get(i).matched(), "criterion " + i);
            assertNull(e.criteria().get(i).actual());
        }
        assertTrue(e.criteria().get(8).matched());
        assertEquals(List.of("company.industry", "contact.title", "company.employees", "custom.tags"),
                e.missingAttributes());
        assertEquals(11, e.score()); // 1 of 9 → 11.1
    }

    @Test
    void resultsReportWireOperatorWeightRequiredAndActualValue() {
        Criterion c = required(containsAny("custom.techStack", 7, "slack"));
        CriterionResult r = only(c, custom("techStack", List.of("Slack")));
        assertEquals(new CriterionResult("custom.techStack", "contains_any", true, true, 7, List.of("Slack")), r);
    }

    // ---- score, tiers, qualification -----------------------------------------------------------------------

    @Test
    void scoreRoundsExactHalvesUp() {
        // 1 of 8 = 12.5 → 13
        assertEquals(13, IcpEvaluator.evaluate(icp(List.of(exists("custom.a", 1), exists("custom.b", 7)),
                ABC), custom("a", 1)).score());
        // 3 of 8 = 37.5 → 38
        assertEquals(38, IcpEvaluator.evaluate(icp(List.of(exists("custom.a", 3), exists("custom.b", 5)),
                ABC), custom("a", 1)).score());
        // 1 of 200 = 0.5 → 1
        assertEquals(1, IcpEvaluator.evaluate(icp(List.of(exists("custom.a", 1), exists("custom.b", 100),
                exists("custom.c", 99)), ABC), custom("a", 1)).score());
    }

    @Test
    void scoreRoundsBelowHalfDownAndAboveHalfUp() {
        List<Criterion> thirds = List.of(exists("custom.a", 1), exists("custom.b", 1), exists("custom.c", 1));
        assertEquals(33, IcpEvaluator.evaluate(icp(thirds, ABC), custom("a", 1)).score());
        assertEquals(67, IcpEvaluator.evaluate(icp(thirds, ABC), custom("a", 1, "b", 1)).score());
        assertEquals(100, IcpEvaluator.evaluate(icp(thirds, ABC), custom("a", 1, "b", 1, "c", 1)).score());
        assertEquals(0, IcpEvaluator.evaluate(icp(thirds, ABC), custom()).score());
    }

    @Test
    void tierIsFirstWhoseMinScoreIsReachedIncludingExactThreshold() {
        List<Criterion> fiveWeights = List.of(exists("custom.a", 40), exists("custom.b", 20), exists("custom.c", 20),
                exists("custom.d", 20));
        assertEquals("C", IcpEvaluator.evaluate(icp(fiveWeights, ABC), custom("a", 1)).tier());           // 40
        assertEquals("B", IcpEvaluator.evaluate(icp(fiveWeights, ABC), custom("a", 1, "b", 1)).tier());   // 60
        assertEquals("A", IcpEvaluator.evaluate(icp(fiveWeights, ABC), custom("a", 1, "b", 1, "c", 1)).tier());
        assertEquals("B", IcpEvaluator.evaluate(icp(fiveWeights, ABC), custom("b", 1, "c", 1, "d", 1)).tier());
    }

    @Test
    void noTierWhenScoreIsBelowEveryThresholdButStillQualified() {
        Evaluation e = IcpEvaluator.evaluate(icp(List.of(exists("custom.a", 39), exists("custom.b", 61)), ABC),
                custom("a", 1));
        assertEquals(39, e.score());
        assertNull(e.tier());
        assertTrue(e.qualified());
    }

    @Test
    void requiredCriterionFailingDisqualifiesButKeepsScore() {
        Evaluation e = IcpEvaluator.evaluate(icp(List.of(exists("custom.a", 90), required(exists("custom.b", 10))),
                ABC), custom("a", 1));
        assertEquals(90, e.score());
        assertFalse(e.qualified());
        assertNull(e.tier());
    }

    @Test
    void requiredCriterionMissingDisqualifies() {
        Evaluation e = IcpEvaluator.evaluate(icp(List.of(required(notIn("custom.a", 10, "x"))), ABC), custom());
        assertFalse(e.qualified());
        assertEquals(List.of("custom.a"), e.missingAttributes());
    }

    @Test
    void allRequiredMatchingQualifies() {
        Evaluation e = IcpEvaluator.evaluate(icp(List.of(required(exists("custom.a", 50)), exists("custom.b", 50)),
                ABC), custom("a", 1));
        assertTrue(e.qualified());
        assertEquals(50, e.score());
        assertEquals("C", e.tier());
    }

    // ---- the spec example, worked by hand ------------------------------------------------------------------

    /** industry in (30), employees between 50..5000 required (25), revenue ≥ 1M (10), title keywords (30): Σ 95. */
    private static final IcpDefinition SPEC = icp(List.of(
                    in("company.industry", 30, "software", "fintech"),
                    required(between("company.employees", 25, "50", "5000")),
                    gte("company.annualRevenue", 10, "1000000"),
                    containsAny("contact.title", 30, "vp", "head of", "chief")),
            ABC);

    private static Evaluation spec(Map<String, Object> company, String title) {
        return IcpEvaluator.evaluate(SPEC, new LeadAttributes(company, map("title", title), null));
    }

    @Test
    void specExampleAllButRevenueMatchIsTierA() {
        // 30 + 25 + 30 = 85 of 95 = 89.47 → 89 ≥ 80
        Evaluation e = spec(map("industry", " FinTech", "employees", 300, "annualRevenue", 500_000), "Head of Growth");
        assertEquals(89, e.score());
        assertEquals("A", e.tier());
        assertTrue(e.qualified());
        assertEquals(List.of(true, true, false, true), e.criteria().stream().map(CriterionResult::matched).toList());
        assertEquals(List.of(), e.missingAttributes());
    }

    @Test
    void specExampleMissingRevenueAndTitleIsTierC() {
        // 30 + 25 = 55 of 95 = 57.89 → 58: C (40..59)
        Evaluation e = spec(map("industry", "software", "employees", 100), null);
        assertEquals(58, e.score());
        assertEquals("C", e.tier());
        assertEquals(List.of("company.annualRevenue", "contact.title"), e.missingAttributes());
    }

    @Test
    void specExampleLowScoreQualifiesWithoutTier() {
        // 25 + 10 = 35 of 95 = 36.84 → 37 < 40
        Evaluation e = spec(map("industry", "retail", "employees", "1200", "annualRevenue", 2_000_000),
                "Marketing Manager");
        assertEquals(37, e.score());
        assertNull(e.tier());
        assertTrue(e.qualified());
    }

    @Test
    void specExampleTooSmallCompanyIsDisqualifiedDespiteTierBScore() {
        // 30 + 10 + 30 = 70 of 95 = 73.68 → 74 would be B, but the required size criterion fails
        Evaluation e = spec(map("industry", "software", "employees", 20, "annualRevenue", new BigDecimal("5E+6")),
                "Chief Revenue Officer");
        assertEquals(74, e.score());
        assertFalse(e.qualified());
        assertNull(e.tier());
    }

    @Test
    void specExampleFullMatchIsHundred() {
        Evaluation e = spec(map("industry", "Software", "employees", 5000, "annualRevenue", "1000000"), "VP Sales");
        assertEquals(100, e.score());
        assertEquals("A", e.tier());
    }

    // ---- compilation ---------------------------------------------------------------------------------------

    @Test
    void compiledIcpGivesSameResultAsConvenienceMethodAndIsReusable() {
        CompiledIcp compiled = IcpEvaluator.compile(SPEC);
        LeadAttributes lead = new LeadAttributes(map("industry", "software", "employees", 60), null, null);
        assertEquals(IcpEvaluator.evaluate(SPEC, lead), IcpEvaluator.evaluate(compiled, lead));
        assertEquals(compiled.evaluate(lead), compiled.evaluate(lead));
        assertEquals(SPEC, compiled.definition());
    }

    @Test
    void nullLeadIsTreatedAsEmpty() {
        Evaluation e = IcpEvaluator.evaluate(SPEC, null);
        assertEquals(0, e.score());
        assertEquals(4, e.missingAttributes().size());
    }

    @Test
    void compilingAnInvalidDefinitionFailsWithTheFieldErrors() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> IcpEvaluator.compile(icp(List.of(exists("custom.a", 0)), ABC)));
        assertTrue(ex.getMessage().contains("criteria[0].weight must be between 1 and 100"), ex.getMessage());
    }

    @Test
    void operatorWireNamesRoundTrip() {
        assertEquals(List.of("eq", "in", "not_in", "gte", "lte", "between", "contains_any", "exists"),
                Arrays.stream(Operator.values()).map(Operator::wireName).toList());
        for (Operator op : Operator.values()) {
            assertEquals(Optional.of(op), Operator.fromWire(op.wireName()));
        }
        assertEquals(Optional.empty(), Operator.fromWire("NOT_IN"));
        assertEquals(Optional.empty(), Operator.fromWire("like"));
        assertEquals(Optional.empty(), Operator.fromWire(null));
    }

    @Test
    void recordsCopyListsAndDefaultRequiredToFalse() {
        List<String> values = new java.util.ArrayList<>(List.of("a"));
        Criterion c = new Criterion("custom.a", Operator.IN, values, null, null, null, 1, null);
        values.add("b");
        assertEquals(List.of("a"), c.values());
        assertEquals(false, c.required());
        assertEquals(List.of(), new Criterion("custom.a", Operator.EXISTS, null, null, null, null, 1, null).values());
        assertEquals(Arrays.asList("a", null),
                new Criterion("custom.a", Operator.IN, Arrays.asList("a", null), null, null, null, 1, null).values());
        IcpDefinition empty = new IcpDefinition(null, null);
        assertEquals(List.of(), empty.criteria());
        assertEquals(List.of(), empty.tiers());
    }
}
