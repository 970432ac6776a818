package io.accord.icp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Assume;
import net.jqwik.api.constraints.IntRange;

class IcpEvaluatorPropertiesTest {

    private static final List<String> ATTRIBUTES =
            List.of("company.industry", "company.employees", "contact.title", "custom.tags", "custom.a.b");
    private static final List<String> WORDS = List.of("software", "fintech", "vp", "head of", "50", "1000", "abc",
            "Retail", " Sales ", "true", "1e3");
    private static final List<String> NUMBERS = List.of("0", "50", "1000", "5000", "-3", "1e6", "49.5");
    private static final Object ABSENT = new Object();
    private static final Object NULL = new Object();

    // ---- generators ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<IcpDefinition> definitions() {
        Arbitrary<List<Criterion>> criteria = criteria().list().ofMinSize(1).ofMaxSize(20);
        Arbitrary<List<Tier>> tiers = Arbitraries.integers().between(0, 100).set().ofMinSize(1).ofMaxSize(5)
                .map(scores -> {
                    List<Integer> sorted = new ArrayList<>(scores);
                    sorted.sort(Collections.reverseOrder());
                    List<Tier> result = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        result.add(new Tier("T" + i, sorted.get(i)));
                    }
                    return result;
                });
        return Combinators.combine(criteria, tiers).as(IcpDefinition::new);
    }

    @Provide
    Arbitrary<Criterion> criteria() {
        return Combinators.combine(
                Arbitraries.of(ATTRIBUTES),
                Arbitraries.of(Operator.class),
                Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(WORDS),
                Arbitraries.of(NUMBERS),
                Arbitraries.of(NUMBERS),
                Arbitraries.integers().between(1, 100),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false))
        ).as((attribute, op, values, word, n1, n2, weight, required) -> {
            BigDecimal a = new BigDecimal(n1);
            BigDecimal b = new BigDecimal(n2);
            return switch (op) {
                case EQ -> new Criterion(attribute, op, null, word, null, null, weight, required);
                case IN, NOT_IN, CONTAINS_ANY ->
                        new Criterion(attribute, op, values, null, null, null, weight, required);
                case GTE, LTE -> new Criterion(attribute, op, null, n1, null, null, weight, required);
                case BETWEEN -> new Criterion(attribute, op, null, null, a.min(b), a.max(b), weight, required);
                case EXISTS -> new Criterion(attribute, op, null, null, null, null, weight, required);
            };
        });
    }

    private Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(o -> (Object) o),
                Arbitraries.of("", "  ", "SOFTWARE", "Head Of Growth", "svp sales", " 50.0 ", "x").map(o -> (Object) o),
                Arbitraries.of(0, 50, 1000, 5000, -3, 7).map(o -> (Object) o),
                Arbitraries.of(50.0, 49.5, 1e6, 0.1).map(o -> (Object) o),
                Arbitraries.of(true, false).map(o -> (Object) o));
    }

    private Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                scalars(),
                scalars().list().ofMaxSize(3).map(o -> (Object) o),
                Arbitraries.of(NULL, ABSENT));
    }

    @Provide
    Arbitrary<LeadAttributes> leads() {
        Arbitrary<Object> nested = Arbitraries.oneOf(values(), values().map(v -> (Object) single("b", v)));
        return Combinators.combine(values(), values(), values(), values(), nested).as((industry, employees, title,
                tags, a) -> new LeadAttributes(
                single("industry", industry, "employees", employees),
                single("title", title),
                single("tags", tags, "a", a)));
    }

    /** A map of the given pairs, leaving out ABSENT and turning NULL into a null value. */
    private static Map<String, Object> single(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != ABSENT) {
                m.put((String) pairs[i], v == NULL ? null : v);
            }
        }
        return m;
    }

    private static long totalWeight(IcpDefinition def) {
        return def.criteria().stream().mapToLong(Criterion::weight).sum();
    }

    private static long matchedWeight(Evaluation e) {
        return e.criteria().stream().filter(CriterionResult::matched).mapToLong(CriterionResult::weight).sum();
    }

    private static boolean isMissing(LeadAttributes lead, String path) {
        Object v = lead.lookup(path).orElse(null);
        return v == null || (v instanceof String s && s.trim().isEmpty());
    }

    private static IcpDefinition withCriterion(IcpDefinition def, int index, Criterion extra) {
        List<Criterion> criteria = new ArrayList<>(def.criteria());
        criteria.add(Math.min(index, criteria.size()), extra);
        return new IcpDefinition(criteria, def.tiers());
    }

    private static LeadAttributes withCustom(LeadAttributes lead, String key, Object value) {
        Map<String, Object> custom = new HashMap<>(lead.custom());
        custom.put(key, value);
        return new LeadAttributes(lead.company(), lead.contact(), custom);
    }

    // ---- properties ----------------------------------------------------------------------------------------

    @Property
    void scoreIsAlwaysBetween0And100(@ForAll("definitions") IcpDefinition def, @ForAll("leads") LeadAttributes lead) {
        int score = IcpEvaluator.evaluate(def, lead).score();
        assertTrue(score >= 0 && score <= 100, "score " + score);
    }

    @Property
    void scoreEqualsNaiveFormulaRoundedHalfUp(@ForAll("definitions") IcpDefinition def,
                                              @ForAll("leads") LeadAttributes lead) {
        Evaluation e = IcpEvaluator.evaluate(def, lead);
        BigDecimal expected = BigDecimal.valueOf(100 * matchedWeight(e))
                .divide(BigDecimal.valueOf(totalWeight(def)), 0, RoundingMode.HALF_UP);
        assertEquals(expected.intValueExact(), e.score());
    }

    @Property
    void tierIsConsistentWithThresholds(@ForAll("definitions") IcpDefinition def,
                                        @ForAll("leads") LeadAttributes lead) {
        Evaluation e = IcpEvaluator.evaluate(def, lead);
        String outcome = !e.qualified() ? "disqualified" : e.tier() == null ? "no tier" : "tier";
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(c -> {
            c.check("disqualified").percentage(p -> p > 5);
            c.check("no tier").percentage(p -> p > 5);
            c.check("tier").percentage(p -> p > 5);
        });
        if (!e.qualified()) {
            assertNull(e.tier());
            return;
        }
        List<Tier> tiers = def.tiers();
        int reached = -1;
        for (int i = 0; i < tiers.size() && reached < 0; i++) {
            if (tiers.get(i).minScore() <= e.score()) {
                reached = i;
            }
        }
        if (reached < 0) {
            assertNull(e.tier());
            assertTrue(tiers.stream().allMatch(t -> t.minScore() > e.score()));
        } else {
            assertEquals(tiers.get(reached).label(), e.tier());
            for (int i = 0; i < reached; i++) {
                assertTrue(tiers.get(i).minScore() > e.score(), "a higher tier was reachable");
            }
        }
    }

    @Property
    void qualifiedIffAllRequiredCriteriaMatched(@ForAll("definitions") IcpDefinition def,
                                                @ForAll("leads") LeadAttributes lead) {
        Evaluation e = IcpEvaluator.evaluate(def, lead);
        boolean allRequiredMatched = e.criteria().stream().allMatch(r -> !r.required() || r.matched());
        assertEquals(allRequiredMatched, e.qualified());
        for (int i = 0; i < def.criteria().size(); i++) {
            assertEquals(def.criteria().get(i).required(), e.criteria().get(i).required());
        }
    }

    @Property
    void addingAMatchedCriterionNeverLowersScoreOrChangesQualification(
            @ForAll("definitions") IcpDefinition def, @ForAll("leads") LeadAttributes lead,
            @ForAll @IntRange(min = 1, max = 100) int weight, @ForAll boolean required,
            @ForAll @IntRange(min = 0, max = 20) int position) {
        LeadAttributes withExtra = withCustom(lead, "extra", "yes");
        Evaluation before = IcpEvaluator.evaluate(def, withExtra);
        Criterion matching = new Criterion("custom.extra", Operator.EXISTS, null, null, null, null, weight, required);
        Evaluation after = IcpEvaluator.evaluate(withCriterion(def, position, matching), withExtra);
        assertTrue(after.score() >= before.score(), before.score() + " -> " + after.score());
        assertEquals(before.qualified(), after.qualified());
    }

    @Property
    void addingAnUnmatchedCriterionNeverRaisesScore(
            @ForAll("definitions") IcpDefinition def, @ForAll("leads") LeadAttributes lead,
            @ForAll @IntRange(min = 1, max = 100) int weight, @ForAll boolean required) {
        Evaluation before = IcpEvaluator.evaluate(def, lead);
        Criterion missing = new Criterion("custom.never", Operator.EXISTS, null, null, null, null, weight, required);
        Evaluation after = IcpEvaluator.evaluate(withCriterion(def, 0, missing), lead);
        assertTrue(after.score() <= before.score(), before.score() + " -> " + after.score());
        assertEquals(before.qualified() && !required, after.qualified());
        assertEquals("custom.never", after.missingAttributes().get(0));
    }

    @Property
    void missingAttributesNeverMatchAndAreListedOnceInCriteriaOrder(@ForAll("definitions") IcpDefinition def,
                                                                    @ForAll("leads") LeadAttributes lead) {
        Evaluation e = IcpEvaluator.evaluate(def, lead);
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < def.criteria().size(); i++) {
            String attribute = def.criteria().get(i).attribute();
            if (isMissing(lead, attribute)) {
                expected.add(attribute);
                assertFalse(e.criteria().get(i).matched(), attribute + " is missing but matched");
            }
        }
        assertEquals(List.copyOf(expected), e.missingAttributes());
        for (CriterionResult r : e.criteria()) {
            Statistics.label("criterion").collect(r.matched() ? "matched"
                    : e.missingAttributes().contains(r.attribute()) ? "missing" : "not matched");
        }
        Statistics.label("criterion").coverage(c -> {
            c.check("matched").percentage(p -> p > 15);
            c.check("missing").percentage(p -> p > 10);
            c.check("not matched").percentage(p -> p > 15);
        });
    }

    @Property
    void doubleComparisonAgreesWithExactDecimalComparison(@ForAll double x, @ForAll double y,
                                                           @ForAll @IntRange(min = 0, max = 4) int mode) {
        Assume.that(Double.isFinite(x) && Double.isFinite(y));
        BigDecimal decimal = BigDecimal.valueOf(x);
        BigDecimal t = switch (mode) {
            case 0 -> BigDecimal.valueOf(y);
            case 1 -> decimal;                                   // exact tie
            case 2 -> new BigDecimal(x);                          // same double, different decimal
            case 3 -> decimal.add(decimal.ulp());                 // just above
            default -> decimal.subtract(BigDecimal.ONE.movePointLeft(30)); // just below, same double
        };
        assertEquals(Integer.signum(decimal.compareTo(t)), Integer.signum(Values.compare(x, t, t.doubleValue())),
                x + " vs " + t);
    }

    @Property
    void notInIsTheComplementOfInForPresentValues(@ForAll("leads") LeadAttributes lead,
                                                  @ForAll("criteria") Criterion any) {
        List<String> values = any.values().isEmpty() ? List.of("software") : any.values();
        for (String attribute : ATTRIBUTES) {
            Criterion in = new Criterion(attribute, Operator.IN, values, null, null, null, 1, false);
            Criterion notIn = new Criterion(attribute, Operator.NOT_IN, values, null, null, null, 1, false);
            Evaluation e = IcpEvaluator.evaluate(new IcpDefinition(List.of(in, notIn), List.of(new Tier("T", 0))),
                    lead);
            if (isMissing(lead, attribute)) {
                assertFalse(e.criteria().get(0).matched() || e.criteria().get(1).matched());
            } else {
                assertEquals(!e.criteria().get(0).matched(), e.criteria().get(1).matched(), attribute);
            }
        }
    }

    @Property
    void eqBehavesLikeInWithOneValue(@ForAll("leads") LeadAttributes lead, @ForAll("criteria") Criterion any) {
        String value = any.values().isEmpty() ? "50" : any.values().get(0);
        for (String attribute : ATTRIBUTES) {
            Criterion eq = new Criterion(attribute, Operator.EQ, null, value, null, null, 1, false);
            Criterion in = new Criterion(attribute, Operator.IN, List.of(value), null, null, null, 1, false);
            Evaluation e = IcpEvaluator.evaluate(new IcpDefinition(List.of(eq, in), List.of(new Tier("T", 0))), lead);
            assertEquals(e.criteria().get(0).matched(), e.criteria().get(1).matched(), attribute);
        }
    }

    @Property
    void scoreTierAndQualificationDoNotDependOnCriteriaOrder(@ForAll("definitions") IcpDefinition def,
                                                            @ForAll("leads") LeadAttributes lead,
                                                            @ForAll Random random) {
        List<Criterion> shuffled = new ArrayList<>(def.criteria());
        Collections.shuffle(shuffled, random);
        Evaluation a = IcpEvaluator.evaluate(def, lead);
        Evaluation b = IcpEvaluator.evaluate(new IcpDefinition(shuffled, def.tiers()), lead);
        assertEquals(a.score(), b.score());
        assertEquals(a.tier(), b.tier());
        assertEquals(a.qualified(), b.qualified());
        assertEquals(Set.copyOf(a.missingAttributes()), Set.copyOf(b.missingAttributes()));
    }

    @Property
    void stringCaseAndSurroundingSpacesInTheLeadDoNotMatter(@ForAll("definitions") IcpDefinition def,
                                                           @ForAll("leads") LeadAttributes lead) {
        LeadAttributes shouted = new LeadAttributes(shout(lead.company()), shout(lead.contact()), shout(lead.custom()));
        List<Boolean> expected = IcpEvaluator.evaluate(def, lead).criteria().stream()
                .map(CriterionResult::matched).toList();
        List<Boolean> actual = IcpEvaluator.evaluate(def, shouted).criteria().stream()
                .map(CriterionResult::matched).toList();
        assertEquals(expected, actual);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shout(T value) {
        if (value instanceof String s) {
            return (T) ("  " + s.toUpperCase(Locale.ROOT) + "\t");
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(shout(v)));
            return (T) out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put((String) k, shout(v)));
            return (T) out;
        }
        return value;
    }

    @Property(tries = 200)
    void generatedDefinitionsAreValid(@ForAll("definitions") IcpDefinition def) {
        assertEquals(List.of(), IcpRules.validate(def));
        assertNotNull(IcpEvaluator.compile(def));
    }
}
