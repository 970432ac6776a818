package io.accord.common;

/**
 * One violated rule of a request, named by the path of the offending field
 * (for example {@code criteria[2].weight} or {@code hours[0].end}).
 */
public record FieldError(String field, String message) {
}
