package io.accord.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * How policies' conditions and milestones are stored: JSON text in their rows. The one place that turns it into the
 * pure rule types ({@link CompiledPolicy}, {@link PolicySelector.Conditions}, {@link MilestoneTarget}) and back.
 */
final class PolicyJson {

    private static final TypeReference<List<SlaPolicyRequest.MilestoneSpec>> SPECS = new TypeReference<>() {
    };

    private PolicyJson() {
    }

    static CompiledPolicy compile(SlaPolicy p, ObjectMapper json) {
        return new CompiledPolicy(p.id, p.key, p.revision, p.name, p.priority, p.enabled, p.calendarKey,
                conditions(p.conditions, json), milestones(p.milestones, json), p.businessTime);
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
