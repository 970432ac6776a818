package io.accord.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Who gets a lead from a pool. Pure and deterministic: the same inputs always give the same answer.
 *
 * <p>The pool's members are taken in their <b>stable order</b> (ids sorted as strings). The <b>rotation</b> after the
 * last assigned person is the members starting with the first one whose id sorts after the last assigned id, wrapping
 * around; so it continues correctly even when the last assigned person has left the pool.
 * <ul>
 * <li>{@link Strategy#ROUND_ROBIN}: the first member of the rotation who is neither excluded nor unavailable.</li>
 * <li>{@link Strategy#LEAST_LOADED}: among the members who are neither excluded nor unavailable, the ones with the
 * fewest live clocks (a missing count is zero); ties go to the earliest in the rotation.</li>
 * </ul>
 * Empty when nobody qualifies.
 */
public final class AssigneePicker {

    /** How a pool hands out leads. Wire values are lower_snake_case. */
    public enum Strategy {
        ROUND_ROBIN, LEAST_LOADED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Strategy> parse(String value) {
            for (Strategy s : values()) {
                if (s.wire().equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    private AssigneePicker() {
    }

    /**
     * @param members   the pool's member ids, in any order (duplicates ignored)
     * @param last      who was assigned last from this pool, or null
     * @param excluded  ids that must not be picked (the lead's previous owners)
     * @param available whether a member can take a lead now
     * @param loads     live clocks per member, for {@link Strategy#LEAST_LOADED}
     */
    public static Optional<String> pick(Strategy strategy, Collection<String> members, String last,
            Set<String> excluded, Predicate<String> available, Map<String, Integer> loads) {
        String best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (String candidate : rotation(members, last)) {
            if (excluded.contains(candidate) || !available.test(candidate)) {
                continue;
            }
            if (strategy == Strategy.ROUND_ROBIN) {
                return Optional.of(candidate);
            }
            int load = loads.getOrDefault(candidate, 0);
            if (load < bestLoad) {
                best = candidate;
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The members in rotation order after {@code last}: sorted, starting after {@code last}, wrapping around. */
    public static List<String> rotation(Collection<String> members, String last) {
        TreeSet<String> sorted = new TreeSet<>(members);
        List<String> order = new ArrayList<>(sorted.size());
        if (last == null) {
            order.addAll(sorted);
            return order;
        }
        order.addAll(sorted.tailSet(last, false));
        order.addAll(sorted.headSet(last, true));
        return order;
    }
}
