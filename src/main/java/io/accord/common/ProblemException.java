package io.accord.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type business code throws for an expected failure. The central mapper turns it into
 * a problem document; it carries no stack trace because it is not a bug.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of(), Map.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(Problem.checkExtensions(extensions));
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is not valid"
                : errors.get(0).field() + ": " + errors.get(0).message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new ProblemException(ProblemKind.VALIDATION, detail, errors, Map.of(), Map.of());
    }

    public static ProblemException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(ProblemKind.INVALID_PARAMETER, parameter + ": " + message,
                List.of(new FieldError(parameter, message)), Map.of(), Map.of());
    }

    public static ProblemException conflict(ProblemKind kind, String detail) {
        return new ProblemException(kind, detail);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
