package io.accord.webhook;

import java.util.function.Function;

/**
 * One line a Slack incoming webhook shows for an alert event. Pure: it reads the alert's fields through a function
 * (a field name to its text, or null when absent), so it knows nothing of how the event is stored.
 */
final class SlackText {

    private SlackText() {
    }

    static String of(String type, Function<String, String> alert) {
        if (type.equals("lead.reassigned")) {
            return reassigned(alert);
        }
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

    /** A lead reassigned on breach: from whom, to whom, and why. */
    private static String reassigned(Function<String, String> event) {
        StringBuilder sb = new StringBuilder(":arrows_counterclockwise: Lead reassigned");
        String from = text(event, "previousOwnerId");
        String to = text(event, "ownerId");
        if (from != null) {
            sb.append(" from ").append(from);
        }
        if (to != null) {
            sb.append(" to ").append(to);
        }
        String milestone = text(event, "milestone");
        if (milestone != null) {
            sb.append(" after the ").append(milestone.replace('_', ' ')).append(" SLA breached");
        }
        String due = text(event, "newDueAt");
        if (due != null) {
            sb.append(", due ").append(due);
        }
        return sb.toString();
    }

    private static String text(Function<String, String> alert, String field) {
        return alert.apply(field);
    }
}
