package io.accord.icp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Value helpers shared by evaluation, validation and diff: normalisation, numeric parsing, list copying. */
final class Values {

    private Values() {
    }

    /** Immutable copy; null becomes empty, null entries are kept (unlike {@link List#copyOf}). */
    static <T> List<T> copyList(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                return Collections.unmodifiableList(new ArrayList<>(list));
            }
        }
        return List.copyOf(list);
    }

    /** True when the string is empty after trimming (as {@link String#trim()} trims). */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** Trimmed and lower-cased (locale-independent): the form strings are compared in. */
    static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The number a trimmed string spells in plain decimal or scientific notation ({@code 50}, {@code -1.5},
     * {@code 1e6}); null for anything else (including {@code NaN}, {@code Infinity}, hex, thousands separators).
     */
    static BigDecimal parseNumber(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        int kind = numericKind(raw, start, end);
        if (kind == NOT_NUMERIC) {
            return null;
        }
        if (kind == SHORT_INTEGER) {
            return BigDecimal.valueOf(parseShortInteger(raw, start, end));
        }
        try {
            return new BigDecimal(raw.substring(start, end));
        } catch (NumberFormatException | ArithmeticException e) {
            return null; // e.g. an exponent beyond int range
        }
    }

    private static final int NOT_NUMERIC = 0;
    private static final int SHORT_INTEGER = 1;  // optional sign and at most 18 digits: fits a long
    private static final int DECIMAL = 2;

    private static int numericKind(String s, int i, int end) {
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i == end) {
            return digits == 0 ? NOT_NUMERIC : digits <= 18 ? SHORT_INTEGER : DECIMAL;
        }
        if (s.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return NOT_NUMERIC;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return NOT_NUMERIC;
            }
        }
        return i == end ? DECIMAL : NOT_NUMERIC;
    }

    private static long parseShortInteger(String s, int i, int end) {
        boolean negative = s.charAt(i) == '-';
        if (s.charAt(i) == '+' || negative) {
            i++;
        }
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The numeric value of a JSON number or numeric string; null for anything else (lists, booleans, NaN...). */
    static BigDecimal toNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof String s) {
            return parseNumber(s);
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && Math.abs(x) < 0x1p53) {
                return BigDecimal.valueOf((long) x); // same value as below, without the decimal conversion
            }
            return Double.isFinite(x) ? BigDecimal.valueOf(x) : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Number n) {
            return parseNumber(n.toString());
        }
        return null;
    }

    /**
     * Compares a finite double, taken as its decimal value {@code BigDecimal.valueOf(x)} (the value JSON text
     * such as {@code 0.3} denotes), with {@code t}, whose nearest double is {@code tAsDouble}. When
     * {@code x != tAsDouble} the double comparison decides: rounding to double is monotonic, and both
     * {@code valueOf(x)} and {@code t} round to their own, different doubles. Only a tie needs the exact path.
     */
    static int compare(double x, BigDecimal t, double tAsDouble) {
        if (x < tAsDouble) {
            return -1;
        }
        if (x > tAsDouble) {
            return 1;
        }
        return BigDecimal.valueOf(x).compareTo(t);
    }

    /**
     * Whether two operand strings mean the same under evaluation: numerically equal when both are numbers,
     * otherwise equal after trimming, ignoring case. Two nulls are the same.
     */
    static boolean sameOperand(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        BigDecimal na = parseNumber(a);
        BigDecimal nb = parseNumber(b);
        if (na != null && nb != null) {
            return na.compareTo(nb) == 0;
        }
        return normalize(a).equals(normalize(b));
    }
}
