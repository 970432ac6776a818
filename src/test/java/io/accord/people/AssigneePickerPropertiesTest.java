package io.accord.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.people.AssigneePicker.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Fairness, exclusion and determinism of the picker over generated pools and sequences. */
class AssigneePickerPropertiesTest {

    @Provide
    Arbitrary<List<String>> pools() {
        return Arbitraries.strings().withChars("abcdefgh-0123").ofMinLength(1).ofMaxLength(6).set().ofMinSize(1)
                .ofMaxSize(12).map(s -> {
                    List<String> members = new ArrayList<>(s);
                    Collections.shuffle(members, new Random(s.hashCode()));
                    return members;
                });
    }

    @Provide
    Arbitrary<Strategy> strategies() {
        return Arbitraries.of(Strategy.values());
    }

    /** With everyone available, k·n round-robin picks give each of the n members exactly k leads. */
    @Property
    void roundRobinIsFairOverKRounds(@ForAll("pools") List<String> members, @ForAll @IntRange(min = 1, max = 20) int k,
            @ForAll("anyLast") String start) {
        Map<String, Integer> counts = new HashMap<>();
        String last = start.isEmpty() ? null : start;
        for (int i = 0; i < k * members.size(); i++) {
            String picked = AssigneePicker.pick(Strategy.ROUND_ROBIN, members, last, Set.of(), id -> true, Map.of())
                    .orElseThrow();
            counts.merge(picked, 1, Integer::sum);
            last = picked;
        }
        for (String m : members) {
            assertEquals(k, counts.getOrDefault(m, 0), "picks of " + m);
        }
    }

    @Provide
    Arbitrary<String> anyLast() {
        return Arbitraries.strings().withChars("abcdefgh-0123").ofMaxLength(6);
    }

    /**
     * Over a random sequence of picks, each excluding the previous owner and with random members away: the pick is
     * never excluded nor away, and is empty exactly when nobody qualifies. Least-loaded picks a minimal load.
     */
    @Property
    void neverPicksExcludedOrUnavailableMembers(@ForAll("pools") List<String> members,
            @ForAll("strategies") Strategy strategy, @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
        Random random = new Random(seed);
        Map<String, Integer> loads = new HashMap<>();
        String last = null;
        String owner = members.get(random.nextInt(members.size()));
        for (int i = 0; i < steps; i++) {
            Set<String> away = new HashSet<>();
            for (String m : members) {
                if (random.nextInt(3) == 0) {
                    away.add(m);
                }
            }
            Set<String> excluded = Set.of(owner);
            Optional<String> picked = AssigneePicker.pick(strategy, members, last, excluded, id -> !away.contains(id),
                    loads);
            Set<String> eligible = new TreeSet<>(members);
            eligible.removeAll(away);
            eligible.removeAll(excluded);
            assertEquals(eligible.isEmpty(), picked.isEmpty());
            if (picked.isPresent()) {
                String p = picked.get();
                assertTrue(eligible.contains(p));
                assertFalse(excluded.contains(p) || away.contains(p));
                if (strategy == Strategy.LEAST_LOADED) {
                    int min = eligible.stream().mapToInt(m -> loads.getOrDefault(m, 0)).min().orElseThrow();
                    assertEquals(min, loads.getOrDefault(p, 0));
                }
                loads.merge(p, 1, Integer::sum);
                last = p;
                owner = p;
            }
        }
    }

    /** The same inputs give the same pick, whatever order the members come in. */
    @Property
    void isDeterministicAndIgnoresMemberOrder(@ForAll("pools") List<String> members,
            @ForAll("strategies") Strategy strategy, @ForAll("anyLast") String last, @ForAll long seed) {
        Random random = new Random(seed);
        Set<String> away = new HashSet<>();
        Map<String, Integer> loads = new HashMap<>();
        for (String m : members) {
            if (random.nextInt(4) == 0) {
                away.add(m);
            }
            loads.put(m, random.nextInt(3));
        }
        List<String> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, random);
        Optional<String> a = AssigneePicker.pick(strategy, members, last, Set.of(), id -> !away.contains(id), loads);
        Optional<String> b = AssigneePicker.pick(strategy, shuffled, last, Set.of(), id -> !away.contains(id), loads);
        assertEquals(a, b);
        assertEquals(a, AssigneePicker.pick(strategy, members, last, Set.of(), id -> !away.contains(id), loads));
    }
}
