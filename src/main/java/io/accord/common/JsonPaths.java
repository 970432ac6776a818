package io.accord.common;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Field paths of JSON binding failures, as problem documents name them. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The JSON path of a binding failure, e.g. {@code criteria[2].weight}; empty at the top level. */
    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
