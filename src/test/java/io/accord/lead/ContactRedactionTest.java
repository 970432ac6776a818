package io.accord.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactRedactionTest {

    private static final Set<String> DEFAULT = Set.of("admin", "marketing", "sales", "sales_manager");

    @Test
    void aCallerSeesContactsWhenAnyOfItsRolesIsAContactRole() {
        assertTrue(ContactRedaction.seesContact(Set.of("sales"), DEFAULT));
        assertTrue(ContactRedaction.seesContact(Set.of("viewer", "marketing"), DEFAULT));
        assertFalse(ContactRedaction.seesContact(Set.of("viewer"), DEFAULT));
        assertFalse(ContactRedaction.seesContact(Set.of("integrator"), DEFAULT));
        assertFalse(ContactRedaction.seesContact(Set.of(), DEFAULT));
        // Configured otherwise: integrators may see contacts, sales may not.
        assertTrue(ContactRedaction.seesContact(Set.of("integrator"), Set.of("admin", "integrator")));
        assertFalse(ContactRedaction.seesContact(Set.of("sales"), Set.of("admin", "integrator")));
    }

    @Test
    void redactionNullsEmailAndPhoneInAnyCaseAndKeepsTheRest() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Ada Weber");
        contact.put("Email", "ada@acme.example");
        contact.put("PHONE", "+49 30 1234");
        contact.put("title", "CTO");
        Map<String, Object> expected = new HashMap<>();
        expected.put("name", "Ada Weber");
        expected.put("title", "CTO");
        expected.put("email", null);
        expected.put("phone", null);
        assertEquals(expected, ContactRedaction.redact(contact));
    }

    @Test
    void hiddenFieldsArePresentAsNullEvenWhenTheLeadHasNone() {
        Map<String, Object> expected = new HashMap<>();
        expected.put("email", null);
        expected.put("phone", null);
        assertEquals(expected, ContactRedaction.redact(Map.of()));
        assertEquals(expected, ContactRedaction.redact(null));
    }
}
