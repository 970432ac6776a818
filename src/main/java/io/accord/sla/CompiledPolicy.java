package io.accord.sla;

import java.util.List;
import java.util.UUID;

/** A policy revision ready for selection and deadline computation. Pure: {@link PolicyJson} reads it from storage. */
record CompiledPolicy(UUID policyId, String key, int revision, String name, int priority, boolean enabled,
        String calendarKey, PolicySelector.Conditions conditions, List<MilestoneTarget> milestones, String businessTime) {

    PolicySelector.Candidate candidate() {
        return new PolicySelector.Candidate(key, priority, enabled, conditions);
    }
}
