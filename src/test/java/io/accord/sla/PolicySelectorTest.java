package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.sla.PolicySelector.Candidate;
import io.accord.sla.PolicySelector.Conditions;
import io.accord.sla.PolicySelector.Facts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PolicySelectorTest {

    private static final Facts LEAD = new Facts("A", "enterprise", "hubspot", "DE", "emea");

    private static Conditions when(List<String> tiers, List<String> countries) {
        return new Conditions(tiers, List.of(), List.of(), countries, List.of());
    }

    @Test
    void highestPriorityWins() {
        Candidate low = new Candidate("low", 10, true, Conditions.ANY);
        Candidate high = new Candidate("high", 20, true, Conditions.ANY);
        assertEquals("high", PolicySelector.select(List.of(low, high), LEAD).orElseThrow().key());
    }

    @Test
    void priorityTieGoesToMoreNonEmptyConditions() {
        Candidate general = new Candidate("a-general", 10, true, when(List.of("A"), List.of()));
        Candidate specific = new Candidate("b-specific", 10, true, when(List.of("A"), List.of("DE", "FR")));
        assertEquals("b-specific", PolicySelector.select(List.of(general, specific), LEAD).orElseThrow().key());
    }

    @Test
    void fullTieGoesToTheSmallerKey() {
        Candidate b = new Candidate("b", 10, true, when(List.of("A"), List.of()));
        Candidate a = new Candidate("a", 10, true, when(List.of(), List.of("DE")));
        assertEquals("a", PolicySelector.select(List.of(b, a), LEAD).orElseThrow().key());
    }

    @Test
    void disabledAndNonMatchingPoliciesAreIgnored() {
        Candidate disabled = new Candidate("disabled", 99, false, Conditions.ANY);
        Candidate otherTier = new Candidate("tier-b", 50, true, when(List.of("B"), List.of()));
        Candidate otherCountry = new Candidate("us", 50, true, when(List.of(), List.of("US")));
        assertEquals(Optional.empty(), PolicySelector.select(List.of(disabled, otherTier, otherCountry), LEAD));
    }

    @Test
    void emptyListsMatchAnythingAndAMissingValueMatchesOnlyEmptyLists() {
        Facts bare = new Facts(null, null, "web", null, null);
        assertTrue(Conditions.ANY.matches(bare));
        assertTrue(!when(List.of("A"), List.of()).matches(bare));
        assertTrue(!when(List.of(), List.of("DE")).matches(bare));
    }

    @Test
    void countriesCompareIgnoringCase() {
        assertTrue(when(List.of(), List.of("de")).matches(LEAD));
        assertTrue(when(List.of(), List.of("DE")).matches(new Facts(null, null, "x", "de", null)));
    }

    // ---- properties ---------------------------------------------------------------------------------------

    @Property
    void resultDoesNotDependOnInputOrder(@ForAll("policies") List<Candidate> policies, @ForAll("facts") Facts facts,
            @ForAll long seed) {
        List<Candidate> shuffled = new ArrayList<>(policies);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(PolicySelector.select(policies, facts), PolicySelector.select(shuffled, facts));
    }

    @Property
    void resultIsAnEnabledMatchingPolicyThatNoOtherOutranks(@ForAll("policies") List<Candidate> policies,
            @ForAll("facts") Facts facts) {
        Optional<Candidate> chosen = PolicySelector.select(policies, facts);
        List<Candidate> eligible = policies.stream().filter(p -> p.enabled() && p.conditions().matches(facts)).toList();
        assertEquals(eligible.isEmpty(), chosen.isEmpty());
        chosen.ifPresent(c -> {
            assertTrue(eligible.contains(c));
            for (Candidate other : eligible) {
                assertTrue(PolicySelector.PRECEDENCE.compare(c, other) <= 0, c + " outranked by " + other);
            }
        });
    }

    @Provide
    Arbitrary<Facts> facts() {
        return Combinators.combine(value("A", "B", "C"), value("icp1", "icp2"), value("web", "crm"),
                value("DE", "FR", "us"), value("t1", "t2")).as(Facts::new);
    }

    @Provide
    Arbitrary<List<Candidate>> policies() {
        Arbitrary<Conditions> conditions = Combinators.combine(list("A", "B", "C"), list("icp1", "icp2"),
                list("web", "crm"), list("DE", "FR", "US", "de"), list("t1", "t2")).as(Conditions::new);
        Arbitrary<Candidate> candidate = Combinators.combine(Arbitraries.strings().withCharRange('a', 'e').ofLength(2),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, true, false), conditions).as(Candidate::new);
        // Keys are unique, as in the database.
        return candidate.list().ofMaxSize(12).uniqueElements(Candidate::key);
    }

    private static Arbitrary<String> value(String... values) {
        return Arbitraries.of(values).injectNull(0.2);
    }

    private static Arbitrary<List<String>> list(String... values) {
        return Arbitraries.of(values).list().uniqueElements().ofMaxSize(2)
                .map(l -> l.size() == 2 && Math.abs(l.hashCode()) % 3 == 0 ? List.<String>of() : l);
    }
}
