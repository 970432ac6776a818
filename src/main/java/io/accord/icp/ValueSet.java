package io.accord.icp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precompiled operand set for {@code eq}, {@code in}, {@code not_in} and list-valued {@code contains_any}.
 * Numeric operands are kept as sorted numbers (compared by value, so {@code "50"} equals {@code 50.0}); the
 * others as trimmed lower-case strings. An actual value that parses as a number is looked up among the numbers,
 * any other string (or boolean) among the strings.
 *
 * <p>The strings live in a small open-addressing table so that a plain-ASCII actual value is looked up with its
 * case folded on the fly, without allocating a normalised copy; other strings are normalised first.
 */
final class ValueSet {

    private final String[] table;   // normalised strings; power-of-two length, at most half full
    private final int mask;
    private final BigDecimal[] numbers;

    ValueSet(Collection<String> operands) {
        Set<String> strings = new LinkedHashSet<>();
        List<BigDecimal> n = new ArrayList<>();
        for (String operand : operands) {
            if (operand == null) {
                continue;
            }
            BigDecimal number = Values.parseNumber(operand);
            if (number != null) {
                n.add(number);
            } else {
                strings.add(Values.normalize(operand));
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1, strings.size()) * 2) << 1;
        this.table = new String[capacity];
        this.mask = capacity - 1;
        for (String s : strings) {
            int i = spread(s.hashCode()) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = s;
        }
        this.numbers = n.toArray(new BigDecimal[0]);
        Arrays.sort(this.numbers);
    }

    /** True if the actual value (or, for a list, any non-null element) equals an operand. */
    boolean matchesAny(Object actual) {
        if (actual instanceof List<?> list) {
            for (Object element : list) {
                if (element != null && matchesScalar(element)) {
                    return true;
                }
            }
            return false;
        }
        return matchesScalar(actual);
    }

    private boolean matchesScalar(Object v) {
        if (v instanceof String s) {
            BigDecimal number = Values.parseNumber(s);
            return number != null ? containsNumber(number) : containsString(s);
        }
        if (v instanceof Boolean b) {
            return containsNormalized(b ? "true" : "false");
        }
        if (v instanceof Number) {
            BigDecimal number = Values.toNumber(v);
            return number != null ? containsNumber(number) : containsNormalized(v.toString().toLowerCase(Locale.ROOT));
        }
        return false; // maps and nested lists equal nothing
    }

    private boolean containsNumber(BigDecimal n) {
        return numbers.length != 0 && Arrays.binarySearch(numbers, n) >= 0;
    }

    /** Whether normalize(s) is in the table; folds ASCII case in place, falls back to normalising otherwise. */
    private boolean containsString(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return containsNormalized(Values.normalize(s));
            }
            h = 31 * h + fold(c);
        }
        int length = end - start;
        for (int i = spread(h) & mask; table[i] != null; i = (i + 1) & mask) {
            String candidate = table[i];
            if (candidate.length() == length && equalsFolded(candidate, s, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean containsNormalized(String normalized) {
        for (int i = spread(normalized.hashCode()) & mask; table[i] != null; i = (i + 1) & mask) {
            if (table[i].equals(normalized)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsFolded(String normalized, String s, int offset) {
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) != fold(s.charAt(offset + i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
