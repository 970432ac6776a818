package io.accord.sla;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which SLA policy applies to a lead at hand-off. Pure; no framework types.
 *
 * <p>A policy is a candidate when it is enabled and every condition matches: an empty list matches anything, a
 * non-empty list matches when it contains the lead's value (a lead without the value does not match it). Countries
 * compare case-insensitively, everything else exactly. Among candidates the highest {@code priority} wins; a tie goes
 * to the policy with more non-empty conditions, then to the smaller key. Keys are unique, so the result is the same
 * whatever the order of the input.
 */
public final class PolicySelector {

    /** What conditions are matched against; any value may be null. */
    public record Facts(String tier, String icpKey, String source, String country, String teamKey) {
    }

    /** Lists of accepted values; empty lists match anything. */
    public record Conditions(List<String> tiers, List<String> icpKeys, List<String> sources, List<String> countries,
            List<String> teamKeys) {

        public static final Conditions ANY = new Conditions(List.of(), List.of(), List.of(), List.of(), List.of());

        public Conditions {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
            icpKeys = icpKeys == null ? List.of() : List.copyOf(icpKeys);
            sources = sources == null ? List.of() : List.copyOf(sources);
            countries = countries == null ? List.of() : List.copyOf(countries);
            teamKeys = teamKeys == null ? List.of() : List.copyOf(teamKeys);
        }

        public boolean matches(Facts facts) {
            return exact(tiers, facts.tier()) && exact(icpKeys, facts.icpKey()) && exact(sources, facts.source())
                    && exact(teamKeys, facts.teamKey())
                    && (countries.isEmpty() || facts.country() != null
                            && countries.stream().anyMatch(c -> c.equalsIgnoreCase(facts.country())));
        }

        /** How many conditions are non-empty: the tie-breaker after priority. */
        public int specificity() {
            return (tiers.isEmpty() ? 0 : 1) + (icpKeys.isEmpty() ? 0 : 1) + (sources.isEmpty() ? 0 : 1)
                    + (countries.isEmpty() ? 0 : 1) + (teamKeys.isEmpty() ? 0 : 1);
        }

        private static boolean exact(List<String> accepted, String value) {
            return accepted.isEmpty() || value != null && accepted.contains(value);
        }
    }

    /** A policy as selection sees it. */
    public record Candidate(String key, int priority, boolean enabled, Conditions conditions) {
    }

    /** Higher priority first, then more non-empty conditions, then the smaller key. */
    public static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparingInt(Candidate::priority).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.conditions().specificity()).reversed())
            .thenComparing(Candidate::key);

    private PolicySelector() {
    }

    /** The policy that applies, or empty when no enabled policy matches. */
    public static Optional<Candidate> select(Collection<? extends Candidate> policies, Facts facts) {
        return policies.stream()
                .filter(Candidate::enabled)
                .filter(p -> p.conditions().matches(facts))
                .map(c -> (Candidate) c).min(PRECEDENCE);
    }
}
