package io.accord.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which callers read a lead's contact email and phone, and the contact as the others see it. Pure rules: the roles
 * that see contact data come from {@code accord.privacy.contact-roles}.
 */
public final class ContactRedaction {

    /** The contact fields a caller without a contact role reads as {@code null}. */
    public static final List<String> HIDDEN = List.of("email", "phone");

    private ContactRedaction() {
    }

    /** Whether a caller with {@code callerRoles} reads contact data: when it has any of {@code contactRoles}. */
    public static boolean seesContact(Set<String> callerRoles, Set<String> contactRoles) {
        return callerRoles.stream().anyMatch(contactRoles::contains);
    }

    /**
     * The contact without its email and phone: each key that names one of them in any case ({@code Email},
     * {@code PHONE}) is dropped, and {@code email} and {@code phone} are always present as {@code null}, so a
     * caller cannot tell a hidden value from a missing one.
     */
    public static Map<String, Object> redact(Map<String, Object> contact) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (contact != null) {
            contact.forEach((k, v) -> {
                if (!HIDDEN.contains(k.toLowerCase(Locale.ROOT))) {
                    out.put(k, v);
                }
            });
        }
        for (String field : HIDDEN) {
            out.put(field, null);
        }
        return out;
    }
}
