package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.accord.common.FieldError;
import io.accord.people.AssigneePicker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** onBreach.reassign in SlaPolicyRules (validation, normal form, round trip) and the exclusion of previous owners. */
class BreachReassignmentRulesTest {

    private static SlaPolicyRequest policy(String escalateAfter, SlaPolicyRequest.Reassign reassign) {
        return new SlaPolicyRequest("p", "P", null, null, "cal", null, List.of(new SlaPolicyRequest.MilestoneSpec(
                "first_touch", "PT4H", null, escalateAfter, null, new SlaPolicyRequest.OnBreach(reassign))));
    }

    private static List<String> fields(SlaPolicyRequest r) {
        return SlaPolicyRules.validate(r, true).stream().map(FieldError::field).toList();
    }

    @Test
    void aMinimalReassignmentTakesItsDefaultsAndRoundTrips() {
        SlaPolicyRequest r = policy(null, new SlaPolicyRequest.Reassign("round_robin", "dach-sales", null, null, null, null));
        assertEquals(List.of(), fields(r));
        MilestoneTarget t = SlaPolicyRules.normalize(r).milestones().get(0);
        assertEquals(new BreachReassignment(AssigneePicker.Strategy.ROUND_ROBIN, "dach-sales", 1, null, false,
                BreachReassignment.ClockMode.FRESH), t.onBreach());
        SlaPolicyRequest.Reassign back = SlaPolicyRules.spec(t).onBreach().reassign();
        assertEquals(new SlaPolicyRequest.Reassign("round_robin", "dach-sales", 1, null, false, "fresh"), back);
        assertEquals(t, SlaPolicyRules.target(SlaPolicyRules.spec(t)));
        assertEquals(List.of(new FieldError("milestones[0].onBreach.reassign.pool", "dach-sales")), SlaPolicyRules.pools(r));
    }

    @Test
    void aFullReassignmentIsKept() {
        SlaPolicyRequest r = policy("PT2H", new SlaPolicyRequest.Reassign("least_loaded", "emea", 3, "PT1H", true,
                "remaining"));
        assertEquals(List.of(), fields(r));
        BreachReassignment b = SlaPolicyRules.normalize(r).milestones().get(0).onBreach();
        assertEquals(AssigneePicker.Strategy.LEAST_LOADED, b.to());
        assertEquals(3, b.excludePrevious());
        assertEquals(Duration.ofHours(1), b.markOwnerUnavailableFor());
        assertEquals(true, b.respectHours());
        assertEquals(BreachReassignment.ClockMode.REMAINING, b.clock());
    }

    @Test
    void everyInvalidFieldIsNamed() {
        assertEquals(List.of("milestones[0].onBreach.reassign"), fields(policy(null, null)));
        assertEquals(List.of("milestones[0].onBreach.reassign.to", "milestones[0].onBreach.reassign.pool"),
                fields(policy(null, new SlaPolicyRequest.Reassign(null, " ", null, null, null, null))));
        assertEquals(List.of("milestones[0].onBreach.reassign.to", "milestones[0].onBreach.reassign.pool",
                        "milestones[0].onBreach.reassign.excludePrevious",
                        "milestones[0].onBreach.reassign.markOwnerUnavailableFor",
                        "milestones[0].onBreach.reassign.clock"),
                fields(policy(null, new SlaPolicyRequest.Reassign("random", "Not A Key", 21, "P400D", null, "later"))));
        // remaining needs an escalation point to count down to
        assertEquals(List.of("milestones[0].onBreach.reassign.markOwnerUnavailableFor",
                        "milestones[0].onBreach.reassign.clock"),
                fields(policy(null, new SlaPolicyRequest.Reassign("round_robin", "t", 1, "PT1.5S", null, "remaining"))));
    }

    @Test
    void aMilestoneWithoutOnBreachHasNone() {
        assertNull(SlaPolicyRules.target(new SlaPolicyRequest.MilestoneSpec("decision", "P1D", null, null, null)).onBreach());
    }

    @Test
    void theCurrentOwnerAndTheMostRecentOthersAreExcluded() {
        assertEquals(Set.of("a"), Reassigner.excluded("a", List.of("a", "b", "c"), 1));
        assertEquals(Set.of("a", "b"), Reassigner.excluded("a", List.of("a", "a", "b", "c"), 2));
        assertEquals(Set.of("a", "b", "c"), Reassigner.excluded("a", List.of("b", "c"), 5));
        assertEquals(Set.of("b"), Reassigner.excluded(null, List.of("b", "c"), 1));
    }
}
