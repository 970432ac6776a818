package io.accord.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** One line a Slack incoming webhook shows for an alert event. */
final class SlackText {

    private SlackText() {
    }

    static String of(String type, JsonNode alert) {
        String kind = text(alert, "kind");
        String company = text(alert, "companyName");
        String milestone = text(alert, "milestone");
        String owner = text(alert, "ownerId");
        String due = text(alert, "dueAt");
        String verb = switch (type) {
            case "alert.acknowledged" -> ":eyes: Acknowledged";
            case "alert.resolved" -> ":white_check_mark: Resolved";
            default -> switch (kind == null ? "" : kind) {
                case "sla.warning" -> ":hourglass_flowing_sand: SLA warning";
                case "sla.breached" -> ":rotating_light: SLA breached";
                case "sla.escalated" -> ":fire: SLA escalated";
                default -> ":bell: " + kind;
            };
        };
        StringBuilder sb = new StringBuilder(verb);
        if (company != null) {
            sb.append(" — ").append(company);
        }
        if (milestone != null) {
            sb.append(", ").append(milestone.replace('_', ' '));
        }
        if (owner != null) {
            sb.append(", owner ").append(owner);
        }
        if (due != null) {
            sb.append(", due ").append(due);
        }
        String link = text(alert, "leadLink");
        if (link != null) {
            sb.append(" (").append(link).append(')');
        }
        return sb.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
