package io.accord.icp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored JSON form of an {@link IcpDefinition}: {@code {"criteria": [...], "tiers": [...]}} with operators by
 * wire name. Reading ignores unknown fields, so a stored document may carry fields newer code added.
 */
final class StoredDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredDefinitions() {
    }

    static String write(IcpDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store an ICP definition", e);
        }
    }

    static IcpDefinition read(String json) {
        try {
            return JSON.readValue(json, IcpDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored ICP definition is not readable", e);
        }
    }
}
