package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Slack line of an alert event: plain unit tests, no JSON, no framework. */
class SlackTextTest {

    @Test
    void aBreachNamesCompanyMilestoneOwnerDueAndLink() {
        Map<String, String> alert = Map.of("kind", "sla.breached", "companyName", "Acme GmbH", "milestone", "first_touch",
                "ownerId", "rep-1", "dueAt", "2026-12-04T10:00:00Z", "leadLink", "https://crm.example/leads/1");
        assertEquals(":rotating_light: SLA breached — Acme GmbH, first touch, owner rep-1, due 2026-12-04T10:00:00Z"
                + " (https://crm.example/leads/1)", SlackText.of("alert.created", alert::get));
    }

    @Test
    void absentFieldsAreLeftOutAndTheEventTypeWinsOverTheKind() {
        Map<String, String> alert = new HashMap<>();
        alert.put("kind", "sla.warning");
        alert.put("companyName", null);
        assertEquals(":hourglass_flowing_sand: SLA warning", SlackText.of("alert.created", alert::get));
        assertEquals(":eyes: Acknowledged", SlackText.of("alert.acknowledged", alert::get));
        assertEquals(":white_check_mark: Resolved", SlackText.of("alert.resolved", alert::get));
    }

    @Test
    void anUnknownKindIsShownAsItIs() {
        assertEquals(":bell: commitment.shortfall", SlackText.of("alert.created", Map.of("kind", "commitment.shortfall")::get));
    }

    @Test
    void aReassignmentNamesBothOwnersTheMilestoneAndTheNewDueDate() {
        Map<String, String> event = Map.of("previousOwnerId", "rep-1", "ownerId", "rep-2", "milestone", "first_touch",
                "newDueAt", "2026-12-04T14:00:00Z");
        assertEquals(":arrows_counterclockwise: Lead reassigned from rep-1 to rep-2 after the first touch SLA breached, "
                + "due 2026-12-04T14:00:00Z", SlackText.of("lead.reassigned", event::get));
    }
}
