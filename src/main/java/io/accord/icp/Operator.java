package io.accord.icp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Comparison applied by a {@link Criterion}; {@link #wireName()} is the JSON spelling. */
public enum Operator {
    EQ("eq"),
    IN("in"),
    NOT_IN("not_in"),
    GTE("gte"),
    LTE("lte"),
    BETWEEN("between"),
    CONTAINS_ANY("contains_any"),
    EXISTS("exists");

    private static final Map<String, Operator> BY_WIRE = new HashMap<>();

    static {
        for (Operator op : values()) {
            BY_WIRE.put(op.wire, op);
        }
    }

    private final String wire;

    Operator(String wire) {
        this.wire = wire;
    }

    /** The lower_snake_case name used on the wire, e.g. {@code not_in}. */
    public String wireName() {
        return wire;
    }

    /** The operator with exactly this wire name (case-sensitive, no trimming); empty for null or unknown. */
    public static Optional<Operator> fromWire(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }
}
