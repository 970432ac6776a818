package io.accord.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Both sides of the agreement on one page, for one ISO week, with the change from the week before. */
@Schema(name = "WeeklyDigest")
public record WeeklyDigest(
        @Schema(example = "2026-W47") String week,
        @Schema(example = "Europe/Berlin", description = "The zone the week's days are read in") String zone,
        @Schema(example = "2026-11-15T23:00:00Z", description = "Monday 00:00 in the zone") Instant from,
        @Schema(example = "2026-11-22T23:00:00Z", description = "The next Monday 00:00 in the zone (exclusive)") Instant to,
        @Schema(example = "2026-11-23T07:00:00Z") Instant generatedAt,
        Sales sales,
        Marketing marketing,
        @Schema(description = "The funnel of the leads created in the week") FunnelReport.Group funnel,
        @Schema(description = "The most frequent rejection reasons of the week's rejections (at most 5), with the week "
                + "before") List<ReasonCount> topRejectionReasons,
        @Schema(description = "Headline figures of this week next to the previous week") List<Change> changes) {

    @Schema(name = "DigestSales")
    public record Sales(
            @Schema(description = "All clocks due in the week") SlaComplianceReport.Group compliance,
            @Schema(description = "Per owning team") List<SlaComplianceReport.Group> byTeam,
            @Schema(description = "The breaches of the week with the longest overdue time (at most 5)")
            List<Breach> worstBreaches) {
    }

    @Schema(name = "DigestBreach")
    public record Breach(
            UUID clockId,
            UUID leadId,
            @Schema(nullable = true, example = "Acme GmbH") String companyName,
            @Schema(nullable = true, example = "rep-42") String ownerId,
            @Schema(nullable = true, example = "emea-sales") String teamKey,
            @Schema(example = "first_touch") String milestone,
            @Schema(example = "tier-a-emea") String policyKey,
            @Schema(example = "2026-11-18T10:00:00Z") Instant dueAt,
            @Schema(nullable = true, description = "When it was met late; null while still unmet") Instant metAt,
            @Schema(example = "PT26H", description = "How far past the deadline it was met, or is by the end of the "
                    + "week (or now, if earlier)") Duration overdue) {
    }

    @Schema(name = "DigestMarketing")
    public record Marketing(
            @Schema(example = "130", description = "Leads handed off in the week") long handedOff,
            @Schema(example = "97", description = "Leads sales accepted in the week") long accepted,
            @Schema(description = "Every commitment's period that contains the last day of the week, with its figures "
                    + "as of now") List<CommitmentLine> commitments) {
    }

    @Schema(name = "DigestCommitment")
    public record CommitmentLine(
            @Schema(example = "emea-tier-b-weekly") String key,
            @Schema(example = "EMEA tier B or better, weekly") String name,
            @Schema(example = "emea-marketing") String teamKey,
            @Schema(example = "handed_off") String metric,
            @Schema(example = "2026-11-15T23:00:00Z") Instant start,
            @Schema(example = "2026-11-22T23:00:00Z") Instant end,
            @Schema(example = "120") long target,
            @Schema(example = "97") long actual,
            @Schema(example = "80.8") BigDecimal attainment,
            @Schema(example = "97") long projected,
            @Schema(example = "missed", enumeration = {"open", "met", "missed"}) String status) {
    }

    @Schema(name = "DigestReasonCount")
    public record ReasonCount(
            @Schema(example = "not_icp_fit") String reason,
            @Schema(example = "12") long count,
            @Schema(example = "7") long previous) {
    }

    @Schema(name = "DigestChange")
    public record Change(
            @Schema(example = "sla_compliance", enumeration = {"sla_compliance", "clocks_breached", "handed_off",
                "accepted", "rejected", "won", "speed_to_lead_median"}) String metric,
            @Schema(example = "SLA compliance") String label,
            @Schema(example = "percent", enumeration = {"percent", "count", "minutes"}) String unit,
            @Schema(nullable = true, example = "89.7") BigDecimal current,
            @Schema(nullable = true, example = "86.2") BigDecimal previous,
            @Schema(nullable = true, example = "3.5", description = "current − previous; null when either is null")
            BigDecimal change) {

        public static Change of(String metric, String label, String unit, BigDecimal current, BigDecimal previous) {
            return new Change(metric, label, unit, current, previous,
                    current == null || previous == null ? null : current.subtract(previous));
        }
    }
}
