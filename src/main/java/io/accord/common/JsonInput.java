package io.accord.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON input for every body Accord reads: a duplicate member name or anything after the JSON value is
 * malformed JSON, and every string, member name and timestamp is checked ({@link InputText}, {@link InstantRange}),
 * so odd input is a 400 naming the field ({@link ProblemMappers}) and never reaches the database.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        SimpleModule module = new SimpleModule("accord-json-input");
        module.addDeserializer(String.class, new CheckedString());
        module.addKeyDeserializer(String.class, new CheckedKey());
        module.addDeserializer(Object.class, new CheckedUntyped());
        module.addDeserializer(Instant.class, new BoundedInstant());
        mapper.registerModule(module);
    }

    /** Runs after Quarkus' own customizers (which register the JSR-310 module this one overrides for Instant). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static String checked(JsonParser p, String text) throws JsonMappingException {
        String refusal = InputText.refusal(text);
        if (refusal != null) {
            throw new RefusedInputException(p, refusal);
        }
        return text;
    }

    static void walkTree(JsonParser p, JsonNode node) throws JsonMappingException {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            checked(p, node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    checked(p, e.getKey());
                    walkTree(p, e.getValue());
                } catch (JsonMappingException ex) {
                    ex.prependPath(node, e.getKey());
                    throw ex;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                try {
                    walkTree(p, node.get(i));
                } catch (JsonMappingException ex) {
                    ex.prependPath(node, i);
                    throw ex;
                }
            }
        }
    }

    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    /** Any JSON value as plain maps, lists, strings, numbers and booleans, like Jackson's own, but checked. */
    static final class CheckedUntyped extends StdScalarDeserializer<Object> {
        CheckedUntyped() {
            super(Object.class);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            walkTree(p, node);
            return plain(node);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }

        private static Object plain(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(n -> list.add(plain(n)));
                return list;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBinary()) {
                return node.asText();
            }
            return node.asText();
        }
    }

    /**
     * The first refused string or member name in a tree that a resource binds item by item (bulk bodies keep their
     * items as {@link JsonNode}, unchecked, so that one bad item fails alone), or {@code null}.
     */
    public static FieldError refusal(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String refusal = InputText.refusal(node.textValue());
            return refusal == null ? null : new FieldError(path, refusal);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String refusal = InputText.refusal(e.getKey());
                if (refusal != null) {
                    return new FieldError(field, refusal);
                }
                FieldError inner = refusal(e.getValue(), field);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                FieldError inner = refusal(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** RFC 3339 strings only, within {@link InstantRange}. */
    static final class BoundedInstant extends StdScalarDeserializer<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedInputException(p, "must be an RFC 3339 timestamp such as 2026-11-22T09:30:00Z");
            }
            Instant instant;
            try {
                instant = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            } catch (DateTimeException | ArithmeticException | JsonMappingException e) {
                throw new RefusedInputException(p, "must be an RFC 3339 timestamp such as 2026-11-22T09:30:00Z");
            }
            if (instant != null && !InstantRange.contains(instant)) {
                throw new RefusedInputException(p, InstantRange.MESSAGE);
            }
            return instant;
        }
    }
}
