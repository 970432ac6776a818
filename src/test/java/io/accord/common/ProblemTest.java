package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A problem document has each RFC 9457 member once: no extension member may reuse one's name. */
class ProblemTest {

    @Test
    void anExtensionMemberCannotReuseAStandardName() {
        for (String member : Problem.MEMBERS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProblemException(
                    ProblemKind.INVALID_TRANSITION, "no", List.of(), Map.of(member, "won"), Map.of()));
            assertTrue(e.getMessage().contains("'" + member + "'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new Problem("t", "t", 409, "d", "/x", null,
                    Map.of(member, "won")));
        }
    }

    @Test
    void extensionMembersSitBesideOneIntegerStatus() throws Exception {
        Problem problem = new Problem(ProblemKind.INVALID_TRANSITION.type(), "t", 409, "d", "/x", null,
                Map.of("currentStatus", "won", "allowedActions", List.of()));
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(problem));
        assertEquals(409, json.get("status").intValue());
        assertTrue(json.get("status").isInt());
        assertEquals("won", json.get("currentStatus").asText());
    }
}
