package io.accord.team;

import java.util.List;

/** What other features read about a team (for example the manager who receives an escalation). */
public record TeamSummary(String key, String name, String function, String managerId, List<String> members,
        String calendarKey, String ownerAbsence) {
}
