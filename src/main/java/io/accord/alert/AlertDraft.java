package io.accord.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert a detector wants to raise, one record per subject it can be about: an SLA clock's warning, breach or
 * escalation, a commitment's finding, a webhook given up on. At most one alert exists per {@link #subject()} and
 * {@link #kind()}; each record knows which alert columns it fills.
 */
public sealed interface AlertDraft permits AlertDraft.ClockWarning, AlertDraft.ClockBreach,
        AlertDraft.ClockEscalation, AlertDraft.CommitmentFinding, AlertDraft.WebhookDisabled, AlertDraft.IcpDrift {

    String kind();

    /** What the alert is about: a clock id, a commitment period, a webhook and when it began failing. */
    String subject();

    /** The alert row this draft becomes. */
    AlertColumns columns();

    /**
     * What an alert about an SLA clock carries: the clock, its lead (identity and company name), the clock's owner,
     * team and tier, the policy revision, the milestone and its deadline.
     */
    record ClockFacts(UUID clockId, UUID leadId, String source, String externalId, String companyName,
            String ownerId, String teamKey, String tier, String policyKey, Integer policyRevision, String milestone,
            Instant dueAt) {

        AlertColumns columns(String kind, String managerId) {
            return columns(kind, managerId, Map.of());
        }

        AlertColumns columns(String kind, String managerId, Map<String, Object> details) {
            return new AlertColumns(kind, clockId.toString(), clockId, leadId, source, externalId, companyName,
                    ownerId, teamKey, tier, managerId, policyKey, policyRevision, milestone, dueAt, details);
        }
    }

    /** {@code sla.warning}: the clock passed its warning point. */
    record ClockWarning(ClockFacts clock) implements AlertDraft {
        public String kind() {
            return "sla.warning";
        }

        public String subject() {
            return clock.clockId().toString();
        }

        public AlertColumns columns() {
            return clock.columns(kind(), null);
        }
    }

    /**
     * {@code sla.breached}: the milestone's deadline passed unmet. The clock's owner is who had the lead; when the
     * milestone reassigns on breach, {@code reassignment} (the alert's {@code details.reassignment}) says who has it
     * now, or that nobody was available.
     */
    record ClockBreach(ClockFacts clock, Map<String, Object> reassignment) implements AlertDraft {

        public ClockBreach(ClockFacts clock) {
            this(clock, null);
        }

        public String kind() {
            return "sla.breached";
        }

        public String subject() {
            return clock.clockId().toString();
        }

        public AlertColumns columns() {
            return clock.columns(kind(), null, reassignment == null ? Map.of() : Map.of("reassignment", reassignment));
        }
    }

    /** {@code sla.escalated}: the clock passed its escalation point; addressed to the team's manager. */
    record ClockEscalation(ClockFacts clock, String managerId) implements AlertDraft {
        public String kind() {
            return "sla.escalated";
        }

        public String subject() {
            return clock.clockId().toString();
        }

        public AlertColumns columns() {
            return clock.columns(kind(), managerId);
        }
    }

    /**
     * {@code commitment.met}, {@code commitment.missed} or {@code commitment.at_risk} for one period of a commitment
     * ({@code subject}), with the marketing team, the minimum tier and the period's figures as details.
     */
    record CommitmentFinding(String kind, String subject, String teamKey, String minTier, Map<String, Object> details)
            implements AlertDraft {

        public CommitmentFinding {
            if (!kind.startsWith("commitment.")) {
                throw new IllegalArgumentException("not a commitment alert: " + kind);
            }
        }

        public AlertColumns columns() {
            return new AlertColumns(kind, subject, null, null, null, null, null, null, teamKey, minTier, null, null,
                    null, null, null, details);
        }
    }

    /** {@code webhook.disabled}: deliveries to a webhook failed for too long, so it was disabled. */
    record WebhookDisabled(UUID webhookId, String webhookKey, String redactedUrl, Instant failingSince,
            String lastError) implements AlertDraft {

        public String kind() {
            return "webhook.disabled";
        }

        public String subject() {
            return "webhook:" + webhookId + ":" + failingSince;
        }

        public AlertColumns columns() {
            return new AlertColumns(kind(), subject(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, Map.of("webhookKey", webhookKey, "url", redactedUrl, "failingSince",
                            failingSince.toString(), "lastError", lastError));
        }
    }

    /**
     * {@code icp.drift}: an ICP's active version no longer behaves as its backtest said, in one ISO week (e.g.
     * {@code 2026-W49}); at most one per ICP and week. The details carry the version, the backtest and the figures.
     */
    record IcpDrift(String icpKey, int version, String isoWeek, Map<String, Object> details) implements AlertDraft {

        public String kind() {
            return "icp.drift";
        }

        public String subject() {
            return "icp:" + icpKey + ":" + isoWeek;
        }

        public AlertColumns columns() {
            return new AlertColumns(kind(), subject(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, details);
        }
    }
}
