package io.accord.icp;

/**
 * A parsed attribute path: a root ({@code company}, {@code contact}, {@code custom}) followed by one or more
 * non-empty segments without whitespace, separated by dots. Root names are case-sensitive.
 */
final class AttributePath {

    static final int COMPANY = 0;
    static final int CONTACT = 1;
    static final int CUSTOM = 2;

    private final int root;
    private final String[] rest;

    private AttributePath(int root, String[] rest) {
        this.root = root;
        this.rest = rest;
    }

    int root() {
        return root;
    }

    /** The segments after the root; callers must not modify the array. */
    String[] rest() {
        return rest;
    }

    /** The parsed path, or null if {@code path} is not a valid attribute path. */
    static AttributePath parse(String path) {
        if (path == null) {
            return null;
        }
        String[] parts = path.split("\\.", -1);
        if (parts.length < 2) {
            return null;
        }
        int root = switch (parts[0]) {
            case "company" -> COMPANY;
            case "contact" -> CONTACT;
            case "custom" -> CUSTOM;
            default -> -1;
        };
        if (root < 0) {
            return null;
        }
        String[] rest = new String[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            if (segment.isEmpty()) {
                return null;
            }
            for (int j = 0; j < segment.length(); j++) {
                char ch = segment.charAt(j);
                if (ch <= ' ' || Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                    return null;
                }
            }
            rest[i - 1] = segment;
        }
        return new AttributePath(root, rest);
    }
}
