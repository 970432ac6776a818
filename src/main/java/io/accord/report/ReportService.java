package io.accord.report;

import io.accord.sla.ClockDurations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The four analytical reports, computed by aggregate statements in the database; no row is loaded into memory.
 *
 * <p>Each report is split into independent statements that {@link ReportReader} runs concurrently on one snapshot:
 * the counts per group (a plain {@code GROUP BY}, which PostgreSQL runs with parallel workers; the total is the sum of
 * the groups, since counts add up) and the exact continuous percentiles ({@code percentile_cont}), per group and
 * overall, which sort in a single process each. Durations are sorted as whole seconds from stored columns
 * ({@code wall_seconds_to_met}, {@code business_seconds_to_met}, {@code first_touch_seconds}). The statements of each
 * report are in {@link SlaComplianceStatements}, {@link SpeedToLeadStatements}, {@link FunnelStatements} and
 * {@link FitVsOutcomeStatements}.
 */
@ApplicationScoped
public class ReportService {

    private final ReportReader reader;
    private final ClockDurations durations;

    public ReportService(ReportReader reader, ClockDurations durations) {
        this.reader = reader;
        this.durations = durations;
    }

    /**
     * Clocks due in [from, to). Outcomes: met on time; met late; breached (breached and not met: still breached, or
     * cancelled after the breach); cancelled (before any breach); running. Time to met over the met clocks: wall time
     * {@code met_at - started_at}, business time from {@code business_seconds_to_met}.
     */
    public Uni<SlaComplianceReport> slaCompliance(ReportQuery q) {
        return slaCompliance(q, true);
    }

    /** With {@code rollups} false, every clock is read from {@code sla_clocks} (tests compare both ways). */
    Uni<SlaComplianceReport> slaCompliance(ReportQuery q, boolean rollups) {
        return durations.catchUp().onFailure().recoverWithItem(0)
                .chain(() -> reader.concurrently(conn -> rollups ? SlaComplianceStatements.window(conn, q)
                        : Uni.createFrom().item(SlaWindow.clocksOnly(q)), w -> SlaComplianceStatements.parts(q, w)))
                .map(parts -> SlaComplianceStatements.report(q, parts));
    }

    /** The report's statements one after the other on {@code conn} (for the digest, which runs many). */
    Uni<SlaComplianceReport> slaCompliance(SqlConnection conn, ReportQuery q) {
        return ReportReader.inOrder(conn, c -> SlaComplianceStatements.window(c, q),
                w -> SlaComplianceStatements.parts(q, w)).map(parts -> SlaComplianceStatements.report(q, parts));
    }

    /** Leads handed off in [from, to): time from hand-off to the first touch at or after it. */
    public Uni<SpeedToLeadReport> speedToLead(ReportQuery q) {
        return reader.concurrently(SpeedToLeadStatements.parts(q))
                .map(results -> SpeedToLeadStatements.report(q, results));
    }

    /**
     * Leads created in [from, to). {@code current}: leads in the stage now. {@code reached}: new = all; mql = handed
     * off; accepted, qualified, rejected, recycled = entered that stage at some point; won, lost = closed so.
     * Rejection reasons: of the leads that carry one (rejected, or rejected then recycled).
     */
    public Uni<FunnelReport> funnel(ReportQuery q) {
        return reader.sequentially(List.of(conn -> funnel(conn, q))).map(r -> (FunnelReport) r.get(0));
    }

    Uni<FunnelReport> funnel(SqlConnection conn, ReportQuery q) {
        return FunnelStatements.funnel(conn, q);
    }

    /**
     * Leads handed off in [from, to), by the ICP version and tier they were scored with at hand-off; accepted,
     * qualified and rejected count what happened since that hand-off, won counts leads won.
     */
    public Uni<FitVsOutcomeReport> fitVsOutcome(ReportQuery q) {
        return reader.sequentially(List.of(conn -> FitVsOutcomeStatements.fitVsOutcome(conn, q)))
                .map(r -> (FitVsOutcomeReport) r.get(0));
    }
}
