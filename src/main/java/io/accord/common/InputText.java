package io.accord.common;

/**
 * Text Accord accepts from a caller: no NUL character (PostgreSQL cannot store it in {@code text} or {@code jsonb})
 * and no unpaired UTF-16 surrogate (it has no UTF-8 form, so it cannot be stored or compared as sent). Every JSON
 * string and name, path segment and query value is checked at the edge, so such text never reaches the database.
 */
public final class InputText {

    private InputText() {
    }

    /** Why {@code text} is refused, or {@code null} when it is acceptable. */
    public static String refusal(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
