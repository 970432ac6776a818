package io.accord.lead;

import io.accord.common.FieldError;
import io.accord.common.InputText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Validation and normalisation of one pushed lead. Pure; the same rules for single and bulk intake. */
final class LeadIntakeRules {

    static final int MAX_SOURCE = 100;
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_USER_ID = 200;
    static final int MAX_TEAM_KEY = 64;
    static final int MAX_ATTRIBUTES = 200;

    private LeadIntakeRules() {
    }

    /** Every violated rule; field paths start with {@code prefix} ("" or {@code items[3].}). */
    static List<FieldError> validate(LeadRequest r, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is required"));
            return errors;
        }
        text(errors, prefix + "source", r.source(), true, MAX_SOURCE);
        text(errors, prefix + "externalId", r.externalId(), true, MAX_EXTERNAL_ID);
        attributes(errors, prefix + "company", r.company());
        attributes(errors, prefix + "contact", r.contact());
        attributes(errors, prefix + "custom", r.custom());
        if (r.company() != null) {
            Object country = r.company().get("country");
            if (country != null && !(country instanceof String)) {
                errors.add(new FieldError(prefix + "company.country", "must be a string"));
            }
        }
        if (r.status() != null && !r.status().equals("new") && !r.status().equals("mql")) {
            errors.add(new FieldError(prefix + "status", "must be one of: new, mql"));
        }
        text(errors, prefix + "ownerId", r.ownerId(), false, MAX_USER_ID);
        text(errors, prefix + "teamKey", r.teamKey(), false, MAX_TEAM_KEY);
        return errors;
    }

    /** The country code SLA conditions compare with: {@code company.country}, trimmed and upper-cased. */
    static String country(Map<String, Object> company) {
        Object value = company == null ? null : company.get("country");
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        return s.trim().toUpperCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        // The JSON layer refuses such text already; the key must also round-trip through PostgreSQL unchanged,
        // because intake matches the rows it wrote back to the items by (source, externalId).
        String refusal = InputText.refusal(value);
        if (refusal != null) {
            errors.add(new FieldError(field, refusal));
        }
    }

    private static void attributes(List<FieldError> errors, String field, Map<String, Object> map) {
        if (map != null && map.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(field, "must have at most " + MAX_ATTRIBUTES + " attributes"));
        }
    }
}
