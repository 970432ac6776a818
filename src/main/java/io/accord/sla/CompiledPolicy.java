package io.accord.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;

/** A policy revision ready for selection and deadline computation. */
record CompiledPolicy(UUID policyId, String key, int revision, String name, int priority, boolean enabled,
        String calendarKey, PolicySelector.Conditions conditions, List<MilestoneTarget> milestones) {

    private static final TypeReference<List<SlaPolicyRequest.MilestoneSpec>> SPECS = new TypeReference<>() {
    };

    PolicySelector.Candidate candidate() {
        return new PolicySelector.Candidate(key, priority, enabled, conditions);
    }

    static CompiledPolicy of(SlaPolicy p, ObjectMapper json) {
        return new CompiledPolicy(p.id, p.key, p.revision, p.name, p.priority, p.enabled, p.calendarKey,
                conditions(p.conditions, json), milestones(p.milestones, json));
    }

    static PolicySelector.Conditions conditions(String text, ObjectMapper json) {
        try {
            return json.readValue(text, PolicySelector.Conditions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy conditions are unreadable", e);
        }
    }

    static List<MilestoneTarget> milestones(String text, ObjectMapper json) {
        return specs(text, json).stream().map(SlaPolicyRules::target).toList();
    }

    static List<SlaPolicyRequest.MilestoneSpec> specs(String text, ObjectMapper json) {
        try {
            return json.readValue(text, SPECS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy milestones are unreadable", e);
        }
    }

    static String write(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
