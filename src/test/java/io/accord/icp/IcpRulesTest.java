package io.accord.icp;

import static io.accord.icp.IcpFixtures.between;
import static io.accord.icp.IcpFixtures.containsAny;
import static io.accord.icp.IcpFixtures.eq;
import static io.accord.icp.IcpFixtures.exists;
import static io.accord.icp.IcpFixtures.gte;
import static io.accord.icp.IcpFixtures.icp;
import static io.accord.icp.IcpFixtures.in;
import static io.accord.icp.IcpFixtures.lte;
import static io.accord.icp.IcpFixtures.notIn;
import static io.accord.icp.IcpFixtures.withWeight;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.common.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcpRulesTest {

    private static final Tier[] TIERS = {new Tier("A", 80), new Tier("B", 60), new Tier("C", 40)};
    private static final Criterion OK = in("company.industry", 30, "software");

    /** Errors of a definition whose criterion {@code index} is {@code c} (the others valid). */
    private static List<FieldError> errorsFor(Criterion c) {
        return IcpRules.validate(icp(List.of(OK, c), TIERS));
    }

    private static List<FieldError> errorsForTiers(Tier... tiers) {
        return IcpRules.validate(icp(List.of(OK), tiers));
    }

    private static FieldError err(String field, String message) {
        return new FieldError(field, message);
    }

    @Test
    void specExampleIsValid() {
        List<Criterion> criteria = List.of(
                in("company.industry", 30, "software", "fintech"),
                IcpFixtures.required(between("company.employees", 25, "50", "5000")),
                gte("company.annualRevenue", 10, "1000000"),
                containsAny("contact.title", 30, "vp", "head of", "chief"),
                exists("custom.crm", 5),
                notIn("custom.a.b", 1, "x"),
                lte("company.employees", 1, "-2.5e3"),
                eq("contact.seniority", 100, "senior"));
        assertEquals(List.of(), IcpRules.validate(icp(criteria, TIERS)));
    }

    @Test
    void textIsBoundedAsTheContractDeclares() {
        String long1001 = "x".repeat(1001);
        assertEquals(List.of(err("criteria[1].values[0]", "must be at most 1000 characters")),
                errorsFor(in("company.industry", 30, long1001)));
        assertEquals(List.of(err("criteria[1].value", "must be at most 1000 characters")),
                errorsFor(eq("company.industry", 30, long1001)));
        assertEquals(List.of(err("tiers[0].label", "must be at most 32 characters")),
                errorsForTiers(new Tier("A".repeat(33), 80)));
    }

    @Test
    void criteriaMustNotBeEmpty() {
        assertEquals(List.of(err("criteria", "must contain between 1 and 100 criteria")),
                IcpRules.validate(icp(List.of(), TIERS)));
    }

    @Test
    void nullDefinitionReportsCriteriaAndTiers() {
        assertEquals(List.of(err("criteria", "must contain between 1 and 100 criteria"),
                err("tiers", "must contain at least one tier")), IcpRules.validate(null));
    }

    @Test
    void atMostHundredCriteria() {
        assertEquals(List.of(), IcpRules.validate(icp(Collections.nCopies(100, OK), TIERS)));
        assertEquals(List.of(err("criteria", "must contain between 1 and 100 criteria")),
                IcpRules.validate(icp(Collections.nCopies(101, OK), TIERS)));
    }

    @Test
    void nullCriterionIsReportedAtItsIndex() {
        assertEquals(List.of(err("criteria[1]", "must not be null")),
                IcpRules.validate(icp(Arrays.asList(OK, null), TIERS)));
    }

    @Test
    void weightIsRequiredAndBetween1And100() {
        assertEquals(List.of(err("criteria[1].weight", "is required")), errorsFor(withWeight(OK, null)));
        assertEquals(List.of(err("criteria[1].weight", "must be between 1 and 100")), errorsFor(withWeight(OK, 0)));
        assertEquals(List.of(err("criteria[1].weight", "must be between 1 and 100")), errorsFor(withWeight(OK, 101)));
        assertEquals(List.of(), errorsFor(withWeight(OK, 1)));
        assertEquals(List.of(), errorsFor(withWeight(OK, 100)));
    }

    @Test
    void attributeIsRequired() {
        assertEquals(List.of(err("criteria[1].attribute", "is required")), errorsFor(exists(null, 5)));
        assertEquals(List.of(err("criteria[1].attribute", "is required")), errorsFor(exists("  ", 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"company", "industry", "account.name", "Company.industry", "company.", "company..x",
            ".company.x", "custom.a b", "custom. a", "contact.title "})
    void attributeMustBeADotPathUnderAKnownRoot(String attribute) {
        assertEquals(List.of(err("criteria[1].attribute",
                        "must be a dot path under company, contact or custom (e.g. company.industry)")),
                errorsFor(exists(attribute, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"company.industry", "contact.title", "custom.techStack", "custom.a.b", "company.x_y-z.1"})
    void validAttributePathsAreAccepted(String attribute) {
        assertEquals(List.of(), errorsFor(exists(attribute, 5)));
    }

    @Test
    void operatorIsRequired() {
        assertEquals(List.of(err("criteria[1].operator", "is required")),
                errorsFor(new Criterion("custom.a", null, List.of("x"), "y", null, null, 5, false)));
    }

    @Test
    void listOperatorsNeedNonEmptyValues() {
        for (Criterion c : List.of(in("custom.a", 5), notIn("custom.a", 5), containsAny("custom.a", 5))) {
            assertEquals(List.of(err("criteria[1].values", "must not be empty")), errorsFor(c), c.operator().name());
        }
        assertEquals(List.of(err("criteria[1].values", "must not be empty")),
                errorsFor(new Criterion("custom.a", Operator.IN, null, null, null, null, 5, false)));
    }

    @Test
    void listOperatorValuesMustNotBeBlank() {
        assertEquals(List.of(err("criteria[1].values[1]", "must not be blank"),
                        err("criteria[1].values[2]", "must not be blank")),
                errorsFor(in("custom.a", 5, "x", " ", null)));
    }

    @Test
    void eqNeedsANonBlankValue() {
        assertEquals(List.of(err("criteria[1].value", "is required")), errorsFor(eq("custom.a", 5, null)));
        assertEquals(List.of(err("criteria[1].value", "must not be blank")), errorsFor(eq("custom.a", 5, " ")));
        assertEquals(List.of(), errorsFor(eq("custom.a", 5, "anything")));
    }

    @Test
    void gteAndLteNeedANumericValue() {
        assertEquals(List.of(err("criteria[1].value", "is required")), errorsFor(gte("custom.a", 5, null)));
        assertEquals(List.of(err("criteria[1].value", "must be a number")), errorsFor(gte("custom.a", 5, "many")));
        assertEquals(List.of(err("criteria[1].value", "must be a number")), errorsFor(lte("custom.a", 5, "1,000")));
        assertEquals(List.of(), errorsFor(lte("custom.a", 5, " 1.5e3 ")));
    }

    @Test
    void betweenNeedsMinAndMax() {
        assertEquals(List.of(err("criteria[1].min", "is required")), errorsFor(between("custom.a", 5, null, "1")));
        assertEquals(List.of(err("criteria[1].max", "is required")), errorsFor(between("custom.a", 5, "1", null)));
    }

    @Test
    void betweenMaxMustNotBeLessThanMin() {
        assertEquals(List.of(err("criteria[1].max", "must not be less than min")),
                errorsFor(between("custom.a", 5, "10", "9.99")));
        assertEquals(List.of(), errorsFor(between("custom.a", 5, "10", "10.0")));
    }

    @Test
    void operandsThatDoNotBelongToTheOperatorAreRejected() {
        String msg = "is not allowed for operator ";
        assertEquals(List.of(err("criteria[1].values", msg + "between")), errorsFor(new Criterion("custom.a",
                Operator.BETWEEN, List.of("x"), null, BigDecimal.ONE, BigDecimal.TEN, 5, false)));
        assertEquals(List.of(err("criteria[1].value", msg + "in"), err("criteria[1].min", msg + "in")),
                errorsFor(new Criterion("custom.a", Operator.IN, List.of("x"), "y", BigDecimal.ONE, null, 5, false)));
        assertEquals(List.of(err("criteria[1].max", msg + "eq")),
                errorsFor(new Criterion("custom.a", Operator.EQ, null, "y", null, BigDecimal.ONE, 5, false)));
        assertEquals(List.of(err("criteria[1].values", msg + "gte")),
                errorsFor(new Criterion("custom.a", Operator.GTE, List.of("1"), "1", null, null, 5, false)));
    }

    @Test
    void existsRejectsEveryOperand() {
        String msg = "is not allowed for operator exists";
        assertEquals(List.of(err("criteria[1].values", msg), err("criteria[1].value", msg),
                        err("criteria[1].min", msg), err("criteria[1].max", msg)),
                errorsFor(new Criterion("custom.a", Operator.EXISTS, List.of("x"), "y", BigDecimal.ONE,
                        BigDecimal.TEN, 5, false)));
        assertEquals(List.of(), errorsFor(new Criterion("custom.a", Operator.EXISTS, List.of(), null, null, null, 5,
                false)), "an empty values list counts as not set");
    }

    @Test
    void allErrorsOfAllCriteriaAreReported() {
        List<FieldError> errors = IcpRules.validate(icp(List.of(
                new Criterion("nope", Operator.IN, List.of(), null, null, null, 0, false),
                between("custom.a", 5, "5", "1")), TIERS));
        assertEquals(List.of(
                err("criteria[0].attribute",
                        "must be a dot path under company, contact or custom (e.g. company.industry)"),
                err("criteria[0].weight", "must be between 1 and 100"),
                err("criteria[0].values", "must not be empty"),
                err("criteria[1].max", "must not be less than min")), errors);
    }

    // ---- tiers ---------------------------------------------------------------------------------------------

    @Test
    void atLeastOneTierIsRequired() {
        assertEquals(List.of(err("tiers", "must contain at least one tier")), errorsForTiers());
        assertEquals(List.of(), errorsForTiers(new Tier("Any", 0)));
    }

    @Test
    void nullTierIsReportedAtItsIndex() {
        assertEquals(List.of(err("tiers[1]", "must not be null")), errorsForTiers(new Tier("A", 50), null));
    }

    @Test
    void tierLabelsAreRequiredNonBlankAndUniqueCaseSensitively() {
        assertEquals(List.of(err("tiers[2].label", "is required")),
                errorsForTiers(new Tier("A", 80), new Tier("B", 60), new Tier(null, 40)));
        assertEquals(List.of(err("tiers[0].label", "must not be blank")), errorsForTiers(new Tier(" ", 80)));
        assertEquals(List.of(err("tiers[2].label", "must be unique")),
                errorsForTiers(new Tier("A", 80), new Tier("B", 60), new Tier("A", 40)));
        assertEquals(List.of(), errorsForTiers(new Tier("A", 80), new Tier("a", 60)));
    }

    @Test
    void tierMinScoreIsRequiredAndBetween0And100() {
        assertEquals(List.of(err("tiers[1].minScore", "is required")),
                errorsForTiers(new Tier("A", 80), new Tier("B", null)));
        assertEquals(List.of(err("tiers[0].minScore", "must be between 0 and 100")),
                errorsForTiers(new Tier("A", 101)));
        assertEquals(List.of(err("tiers[1].minScore", "must be between 0 and 100")),
                errorsForTiers(new Tier("A", 100), new Tier("B", -1)));
        assertEquals(List.of(), errorsForTiers(new Tier("A", 100), new Tier("B", 0)));
    }

    @Test
    void tierMinScoresMustBeStrictlyDescending() {
        String msg = "must be less than the minScore of the previous tier (tiers are ordered highest first)";
        assertEquals(List.of(err("tiers[1].minScore", msg)), errorsForTiers(new Tier("A", 60), new Tier("B", 60)));
        assertEquals(List.of(err("tiers[1].minScore", msg)), errorsForTiers(new Tier("A", 40), new Tier("B", 60)));
        assertEquals(List.of(err("tiers[2].minScore", msg)),
                errorsForTiers(new Tier("A", 80), new Tier("B", null), new Tier("C", 90)).subList(1, 2));
    }

    @Test
    void errorListIsImmutable() {
        List<FieldError> errors = IcpRules.validate(null);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> errors.add(err("x", "y")));
        assertEquals(2, new ArrayList<>(errors).size());
    }
}
