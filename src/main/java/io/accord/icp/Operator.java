package io.accord.icp;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Comparison applied by a {@link Criterion}; {@link #wireName()} is the JSON spelling, used both to write and to
 * read JSON ({@link JsonValue}), so an unknown spelling is a binding error naming the field, e.g.
 * {@code criteria[2].operator}, that lists the wire names ({@link #toString()}).
 */
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
    @JsonValue
    public String wireName() {
        return wire;
    }

    /** The wire name, so that messages listing the operators spell them as clients must. */
    @Override
    public String toString() {
        return wire;
    }

    /** The operator with exactly this wire name (case-sensitive, no trimming); empty for null or unknown. */
    public static Optional<Operator> fromWire(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }
}
