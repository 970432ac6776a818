package io.accord.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.alert.EventFeed;
import io.accord.commitment.CommitmentChecker;
import io.accord.evidence.BacktestJobs;
import io.accord.evidence.DriftWatch;
import io.accord.report.SlaRollups;
import io.accord.sla.BreachDetector;
import io.accord.sla.ClockDurations;
import io.accord.sla.HoldExpiry;
import io.accord.webhook.WebhookDispatcher;
import io.accord.webhook.WebhookSecretsReseal;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every query that runs on a schedule, on every replica, is served by an index. The statements are the production
 * constants, planned by the real PostgreSQL with sequential scans disabled: if the index they need is missing, or a
 * change to the query stops it from using it, the planner falls back to a sequential scan and the test names it.
 */
@QuarkusTest
class ScheduledQueryPlansTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Pool pool;

    @Test
    void theBreachDetectorPollsThroughTheNextCheckIndex() {
        assertServedBy(BreachDetector.CLAIM, Tuple.of(NOW, 1000), "sla_clocks", "sla_clocks_next_check");
    }

    @Test
    void theBreachDetectorResumesEndedHoldsThroughTheResumeIndex() {
        assertServedBy(HoldExpiry.CLAIM, Tuple.of(NOW, 1000), "sla_clocks", "sla_clocks_resume_due");
    }

    @Test
    void reassignmentOnBreachReadsAndLocksThroughIndexes() {
        Object ids = new java.util.UUID[] {java.util.UUID.randomUUID()};
        Object people = new String[] {"rep-1"};
        assertServedBy(io.accord.sla.Reassigner.BREACHING, Tuple.of(ids), "sla_clocks", "sla_clocks_pkey");
        assertServedBy(io.accord.sla.Reassigner.BREACHING, Tuple.of(ids), "sla_policy_revisions",
                "sla_policy_revisions_pkey");
        assertServedBy(io.accord.sla.Reassigner.OWNER_HISTORY, Tuple.of(ids), "sla_clocks", "sla_clocks_lead");
        assertServedBy(io.accord.sla.Reassigner.LIVE_LOADS, Tuple.of(people), "sla_clocks", "sla_clocks_owner");
        assertServedBy(io.accord.lead.LeadOwnership.LOCK, Tuple.of(ids), "leads", "leads_pkey");
        assertServedBy(io.accord.people.PeopleDirectory.POOL_MEMBERS, Tuple.of("team"), "people_memberships",
                "people_memberships_pkey");
        assertServedBy(io.accord.people.PeopleDirectory.POOL_MEMBERS, Tuple.of("team"), "people", "people_pkey");
        assertServedBy(io.accord.people.PeopleDirectory.ABSENT_AT, Tuple.of(people, NOW), "people_absences",
                "people_absences_overlap");
        assertServedBy(io.accord.people.PeopleDirectory.LOCK_ROTATION, Tuple.of("team"), "people_rotations",
                "people_rotations_pkey");
    }

    /** Not scheduled, but in every absence write's transaction: an owner's clocks, never the whole table. */
    @Test
    void anAbsenceChangeLocksItsOwnersFollowingClocksThroughTheOwnerIndex() {
        assertServedBy(BreachDetector.ABSENCE_FOLLOWING, Tuple.of("rep-1"), "sla_clocks", "sla_clocks_owner");
    }

    @Test
    void theWebhookDispatcherClaimsThroughTheDueIndex() {
        assertServedBy(WebhookDispatcher.CLAIM, Tuple.of(NOW, NOW.plusMinutes(1), 50), "webhook_deliveries",
                "webhook_deliveries_due");
    }

    @Test
    void theWebhookFanOutReadsNewEventsThroughTheirKey() {
        assertServedBy(WebhookDispatcher.FAN_OUT, Tuple.of(0L, 1000), "events", "events_pkey");
    }

    @Test
    void theWebhookSecretResealFindsItsRowsThroughTheKeyIdIndex() {
        assertServedBy(WebhookSecretsReseal.PENDING, Tuple.of((Object) new String[] {"0123456789abcdef"}), "webhooks",
                "webhooks_secrets_key");
    }

    @Test
    void theCommitmentCheckerClaimsThroughTheDueIndex() {
        assertServedBy(CommitmentChecker.CLAIM, Tuple.of(NOW, 100), "commitments", "commitments_due");
    }

    @Test
    void businessTimeCatchUpFindsPendingClocksThroughItsPartialIndex() {
        assertServedBy(ClockDurations.PENDING, Tuple.of(500), "sla_clocks", "sla_clocks_business_pending");
    }

    @Test
    void eventRetentionDeletesThroughTheTimeIndex() {
        assertServedBy(EventFeed.PURGE, Tuple.of(NOW.minusDays(35)), "events", "events_at");
    }

    @Test
    void theRollupBuilderFindsNotedMonthsThroughTheirIndex() {
        assertServedBy(SlaRollups.NOTED, Tuple.tuple(), "sla_rollup_changes", "sla_rollup_changes_month");
    }

    @Test
    void theRollupBuilderReadsAMonthOfClocksThroughTheDueIndex() {
        LocalDate month = LocalDate.of(2026, 10, 1);
        assertServedBy(SlaRollups.BUILD, Tuple.of(month, NOW, NOW.minusMonths(1).withDayOfMonth(1), NOW.withDayOfMonth(1)),
                "sla_clocks", "sla_clocks_by_due");
    }

    @Test
    void backtestJobsAreClaimedThroughTheClaimIndex() {
        assertServedBy(BacktestJobs.CLAIM, Tuple.of(NOW), "icp_backtests", "icp_backtests_claim");
    }

    @Test
    void backtestRetentionDeletesThroughTheExpiryIndex() {
        assertServedBy(BacktestJobs.PURGE, Tuple.of(NOW), "icp_backtests", "icp_backtests_expiry");
    }

    @Test
    void theDriftWatchReadsAnIcpsLeadsThroughTheFitIndex() {
        assertServedBy(DriftWatch.RECENT, Tuple.of(NOW.minusDays(28), NOW, "some-icp", 1), "leads", "leads_fit_icp");
    }

    /** The check can fail: without its index, the poll reads the whole table through some other index. */
    @Test
    void withoutItsIndexThePollIsNotServed() {
        String plan = plan("drop index sla_clocks_next_check", BreachDetector.CLAIM, Tuple.of(NOW, 1000));
        assertFalse(uses(plan, "sla_clocks_next_check"), plan);
        assertTrue(plan.contains("\"RelationName\":\"sla_clocks\""), plan);
    }

    private void assertServedBy(String sql, Tuple args, String table, String index) {
        String plan = plan(null, sql, args);
        assertTrue(uses(plan, index), () -> "expected " + index + " in\n" + plan);
        assertFalse(seqScanOf(plan, table), () -> "sequential scan of " + table + " in\n" + plan);
    }

    private static boolean uses(String plan, String index) {
        return plan.contains("\"IndexName\":\"" + index + "\"");
    }

    private static boolean seqScanOf(String plan, String table) {
        return Pattern.compile("\"NodeType\":\"SeqScan\",[^{}]*\"RelationName\":\"" + table + "\"").matcher(plan)
                .find();
    }

    /** The plan as compact JSON without white space, planned in a transaction that is always rolled back. */
    private String plan(String ddl, String sql, Tuple args) {
        return pool.getConnection().chain(conn -> conn.begin().chain(tx -> conn.query("set local enable_seqscan = off")
                        .execute()
                        .chain(() -> ddl == null ? Uni.createFrom().voidItem()
                                : conn.query(ddl).execute().replaceWithVoid())
                        .chain(() -> conn.preparedQuery("explain (format json) " + sql).execute(args))
                        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                                .map(r -> String.valueOf(r.getValue(0))).collect(Collectors.joining())
                                .replaceAll("\\s", ""))
                        .call(tx::rollback))
                .eventually(conn::close))
                .await().indefinitely();
    }
}
