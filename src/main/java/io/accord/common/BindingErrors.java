package io.accord.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a request failed to bind and what was expected there, in the words problem documents use: field paths such as
 * {@code criteria[2].weight} from Jackson and bean-validation failures, and "must be an integer" style messages.
 */
final class BindingErrors {

    private BindingErrors() {
    }

    /** The detail of a list of field errors: the first one, and how many more. */
    static String summary(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    /** Where the parser stood when it failed, as a field path ({@code items[2].name}); empty at the top level. */
    static String parserPath(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null || parser.getParsingContext() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !sb.isEmpty()) {
                sb.append('[').append(name).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(name);
            }
        }
        return sb.toString();
    }

    /** What the value at the failure's path should have been. */
    static String describeExpected(JsonMappingException e) {
        if (e instanceof RefusedInputException refused) {
            return refused.reason();
        }
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            Class<?> target = ife.getTargetType();
            if (target.isEnum()) {
                return "must be one of: " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return "must be " + describeType(target) + ", got '" + ife.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "must be " + describeType(mie.getTargetType());
        }
        return "has the wrong type";
    }

    private static String describeType(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 timestamp";
        }
        if (type == java.time.Duration.class) {
            return "an ISO 8601 duration such as PT4H";
        }
        return "an object";
    }

    /** Where a bean-validation violation points: the body's field path, or a parameter's name. */
    record PathInfo(String field, boolean parameter, boolean returnValue) {
        static PathInfo of(Path path) {
            List<Path.Node> nodes = new ArrayList<>();
            path.forEach(nodes::add);
            boolean returnValue = nodes.stream().anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE);
            int param = -1;
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                    param = i;
                    break;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = param + 1; i < nodes.size(); i++) {
                Path.Node node = nodes.get(i);
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null && node.isInIterable()) {
                    sb.append('[').append(node.getKey()).append(']');
                }
                if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(node.getName());
                }
            }
            boolean isParam = false;
            if (param >= 0 && param + 1 == nodes.size()) {
                // The violation is on a parameter itself: a query/path/header parameter, or a missing body.
                String name = nodes.get(param).getName();
                isParam = !"body".equals(name) && !name.startsWith("arg");
                return new PathInfo(isParam ? name : "", isParam, returnValue);
            }
            return new PathInfo(sb.toString(), isParam, returnValue);
        }
    }
}
