package io.accord.lead;

import java.util.Objects;

/**
 * The leads a caller may write. An API key bound to a team ({@code teamKey}) writes only that team's leads: it may act
 * on a lead of its team, or on a lead without a team that the write puts into its team (intake, hand-off or assign
 * with its team); it may not move a lead to another team. A lead pushed by such a key without a team gets the key's
 * team. Unbound callers ({@code teamKey} null) are not limited. Reads are never limited here.
 */
public record TeamScope(String teamKey) {

    public static final TeamScope UNBOUND = new TeamScope(null);

    public boolean bound() {
        return teamKey != null;
    }

    /** Whether a write may take a lead from team {@code before} to team {@code after} (equal when unchanged). */
    public boolean allows(String before, String after) {
        return teamKey == null || ((before == null || before.equals(teamKey)) && teamKey.equals(after));
    }

    /** The team a pushed lead asks for: the one given, else the key's team. */
    public String teamFor(String requested) {
        return requested != null ? requested : teamKey;
    }

    /** Whether a pushed lead may ask for {@code requested} (null: no team given). */
    public boolean mayAskFor(String requested) {
        return teamKey == null || requested == null || Objects.equals(teamKey, requested);
    }
}
