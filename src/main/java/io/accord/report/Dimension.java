package io.accord.report;

import io.accord.common.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a report can filter and group by, and the whitelisted column behind each name for the two kinds of report:
 * clock reports read {@code sla_clocks}, lead reports read {@code leads}. Column names never come from the request.
 */
public enum Dimension {
    OWNER_ID("ownerId", "owner_id", "owner_id"),
    TEAM_KEY("teamKey", "team_key", "team_key"),
    TIER("tier", "tier", "fit_tier"),
    ICP_KEY("icpKey", "icp_key", "fit_icp_key"),
    POLICY_KEY("policyKey", "policy_key", "sla_policy_key"),
    SOURCE("source", "source", "source"),
    MILESTONE("milestone", "milestone", null);

    /** Which table a report reads. */
    public enum Subject {
        CLOCKS, LEADS
    }

    private final String wire;
    private final String clockColumn;
    private final String leadColumn;

    Dimension(String wire, String clockColumn, String leadColumn) {
        this.wire = wire;
        this.clockColumn = clockColumn;
        this.leadColumn = leadColumn;
    }

    public String wire() {
        return wire;
    }

    /** The column for a subject; null if this dimension does not apply to it. */
    public String column(Subject subject) {
        return subject == Subject.CLOCKS ? clockColumn : leadColumn;
    }

    public static List<Dimension> of(Subject subject) {
        return Arrays.stream(values()).filter(d -> d.column(subject) != null).toList();
    }

    public static Optional<Dimension> parse(String wire) {
        return Arrays.stream(values()).filter(d -> d.wire.equals(wire)).findFirst();
    }

    /** Parses {@code groupBy}: null when absent, 400 naming it when it is not one of the subject's dimensions. */
    public static Dimension groupBy(String value, Subject subject) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Dimension> d = parse(value.trim());
        if (d.isEmpty() || d.get().column(subject) == null) {
            throw ProblemException.badParameter("groupBy", "must be one of: "
                    + String.join(", ", of(subject).stream().map(Dimension::wire).toList()));
        }
        return d.get();
    }
}
