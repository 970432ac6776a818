package io.accord.report;

import static io.accord.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.accord.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly rollups give the same SLA compliance reports as the clocks, to the last count and percentile, and stay
 * exact while clocks change. Each test writes random clocks due in the first four months of a year of its own (no
 * other test has clocks then), then compares every report the rollups can serve with the same report read from the
 * clocks alone, and checks which months the rollups served.
 */
@QuarkusTest
class SlaRollupsTest {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(1901 + new Random().nextInt(60));

    @Inject
    Pool pool;

    @Inject
    ReportService reports;

    @Inject
    SlaRollups rollups;

    int year;
    /** The first of the test's two lead sources; also writes the test's SQL. */
    ReportData data;
    final List<UUID> clocks = new ArrayList<>();

    @BeforeEach
    void randomClocks() {
        year = NEXT_YEAR.getAndIncrement();
        String calendar = Fixtures.berlinNineToFive();
        data = new ReportData(pool);
        ReportData[] sources = {data, new ReportData(pool)};
        String[] policyKeys = {Api.slug("pol"), Api.slug("pol")};
        UUID[] policies = {sources[0].policy(policyKeys[0], calendar), sources[0].policy(policyKeys[1], calendar)};
        String[] owners = {Api.slug("rep"), Api.slug("rep"), Api.slug("rep"), null};
        String[] teams = {Api.slug("team"), Api.slug("team"), null};
        String[] tiers = {"A", "B", "C", null};
        String[] icps = {"icp-a", null};
        Random random = new Random(year);
        Instant start = Instant.parse(year + "-01-01T00:00:00Z");
        long span = Duration.between(start, Instant.parse(year + "-05-01T00:00:00Z")).getSeconds();
        for (int i = 0; i < 240; i++) {
            UUID lead = sources[random.nextInt(2)].lead(start.toString(), null, null, icps[random.nextInt(2)], 1, null);
            int p = random.nextInt(2);
            Instant due = start.plusSeconds(random.nextLong(span));
            Instant started = due.minus(Duration.ofHours(4));
            String status = List.of("met", "met", "met", "breached", "cancelled", "running").get(random.nextInt(6));
            Instant met = status.equals("met") ? started.plusSeconds(random.nextInt(10 * 3600)) : null;
            boolean late = met != null && met.isAfter(due);
            Instant breached = late || status.equals("breached") || (status.equals("cancelled") && random.nextBoolean())
                    ? due : null;
            Instant cancelled = status.equals("cancelled") ? due.plusSeconds(600) : null;
            // Business time known for most met clocks (many values repeat, zero among them), unknown (-1) for some.
            Long business = met == null ? null : random.nextInt(10) == 0 ? -1L : (long) random.nextInt(40) * 300;
            UUID id = UUID.randomUUID();
            data.sql("insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, "
                    + "policy_revision, calendar_key, milestone, target, status, started_at, due_at, met_at, late, "
                    + "breached_at, cancelled_at, created_at, business_seconds_to_met) values ($1, $2, $3, $4, $5, $6, $7, "
                    + "$8, 1, $9, $10, 'PT4H', $11, $12, $13, $14, $15, $16, $17, $12, $18)",
                    id, lead, UUID.randomUUID(), owners[random.nextInt(4)], teams[random.nextInt(3)],
                    tiers[random.nextInt(4)], policies[p], policyKeys[p], calendar,
                    random.nextBoolean() ? "first_touch" : "decision", status, at(started), at(due), at(met), late,
                    at(breached), at(cancelled), business);
            clocks.add(id);
        }
    }

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    /** A round of the builder at the start of the next year (every month of this test has ended); how many it built. */
    private int refresh() {
        return refreshAt(Instant.parse((year + 1) + "-01-01T00:00:00Z"));
    }

    private int refreshAt(Instant now) {
        TestClock.INSTANCE.setTo(now);
        try {
            return rollups.refresh().await().indefinitely();
        } finally {
            TestClock.INSTANCE.reset();
        }
    }

    @Test
    void everyReportFromTheRollupsEqualsTheSameReportFromTheClocks() {
        refresh();

        // Whole months only; ragged edges read from the clocks; a single month; and a window with no whole month.
        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(2), month(3), month(4)));
        assertSame(Instant.parse(year + "-01-10T05:17:00Z"), Instant.parse(year + "-04-20T13:00:00Z"),
                List.of(month(2), month(3)));
        assertSame(instant("02-01"), instant("03-01"), List.of(month(2)));
        assertSame(Instant.parse(year + "-02-03T00:00:00Z"), Instant.parse(year + "-02-27T00:00:00Z"), List.of());
    }

    @Test
    void aChangedMonthIsReadFromTheClocksUntilItIsBuiltAgain() {
        refresh();
        UUID february = clockDueIn(2);
        data.sql("update sla_clocks set owner_id = $2, status = 'met', met_at = due_at - interval '1 hour', late = false, "
                + "breached_at = null, cancelled_at = null, business_seconds_to_met = 7 where id = $1", february,
                Api.slug("rep"));
        // The detector's bookkeeping is no change to a report.
        data.sql("update sla_clocks set next_check_at = due_at where id = $1", clockDueIn(3));

        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(3), month(4)));

        assertEquals(1, refresh());
        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(2), month(3), month(4)));
    }

    @Test
    void aChangeCommittedWhileItsMonthIsBuiltKeepsItsNote() {
        UUID february = clockDueIn(2);
        // The writer's transaction is still open while the builder builds every month, then commits.
        Instant buildTime = Instant.parse((year + 1) + "-01-01T00:00:00Z");
        TestClock.INSTANCE.setTo(buildTime);
        try {
            pool.withTransaction(conn -> conn.preparedQuery("update sla_clocks set owner_id = $2 where id = $1")
                    .execute(Tuple.of(february, Api.slug("rep")))
                    .chain(() -> rollups.refresh()))
                    .await().indefinitely();
        } finally {
            TestClock.INSTANCE.reset();
        }
        Instant builtAt = pool.preparedQuery("select built_at from sla_rollup_months where month = $1")
                .execute(Tuple.of(month(2))).await().indefinitely().iterator().next().getOffsetDateTime("built_at")
                .toInstant();
        assertEquals(buildTime, builtAt, "February was built while the writer's transaction was open");

        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(3), month(4)));
        refresh();
        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(2), month(3), month(4)));
    }

    @Test
    void truncatingTheClocksForgetsEveryBuild() {
        refresh();
        // In a transaction that is rolled back, so that other tests' clocks stay.
        List<LocalDate> builtAfterTruncate = pool.getConnection().chain(conn -> conn.begin()
                        .chain(tx -> conn.query("truncate sla_clocks cascade").execute()
                                .chain(() -> conn.query("select month from sla_rollup_months").execute())
                                .map(rows -> {
                                    List<LocalDate> months = new ArrayList<>();
                                    rows.forEach(r -> months.add(r.getLocalDate("month")));
                                    return months;
                                })
                                .call(tx::rollback))
                        .eventually(conn::close))
                .await().indefinitely();
        assertEquals(List.of(), builtAfterTruncate);
        assertEquals(List.of(month(1), month(2), month(3), month(4)), built());
    }

    @Test
    void aMonthUnderWayIsNotBuiltUntilItEnds() {
        refreshAt(Instant.parse(year + "-04-15T00:00:00Z"));
        assertEquals(List.of(month(1), month(2), month(3)), built());
        assertEquals(1L, notes(month(4)), "the notes of April are folded into one");
        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(2), month(3)));

        refreshAt(Instant.parse(year + "-05-01T00:00:00Z"));
        assertEquals(List.of(month(1), month(2), month(3), month(4)), built());
        assertEquals(0L, notes(month(4)));
    }

    @Test
    void replicasNeverBuildAMonthTwice() {
        // Another replica holds February: this round skips it.
        Boolean february = pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1, $2)")
                .execute(Tuple.of(SlaRollups.LOCK_CLASS, SlaRollups.lockKey(month(2))))
                .chain(() -> rollups.refresh())
                .chain(() -> pool.preparedQuery("select count(*) from sla_rollup_months where month = $1")
                        .execute(Tuple.of(month(2))))
                .map(rows -> rows.iterator().next().getLong(0) == 1))
                .await().indefinitely();
        assertFalse(february, "built while another replica held it");
        assertEquals(List.of(month(1), month(3), month(4)), built());

        // Two replicas at once, twice over: every group has one row per month, and the reports still agree.
        data.sql("update sla_clocks set tier = 'B' where id = any($1)", (Object) clocks.toArray(UUID[]::new));
        Uni.join().all(rollups.refresh(), rollups.refresh()).andFailFast().await().indefinitely();
        Uni.join().all(rollups.refresh(), rollups.refresh()).andFailFast().await().indefinitely();
        long duplicated = pool.preparedQuery("select count(*) from (select 1 from sla_clock_rollups "
                        + "where month >= $1 and month < $2 group by month, dimension, key having count(*) > 1) d")
                .execute(Tuple.of(month(1), month(5))).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, duplicated);
        assertSame(instant("01-01"), instant("05-01"), List.of(month(1), month(2), month(3), month(4)));
    }

    @Test
    void theEndpointAnswersFromTheRollups() {
        refresh();
        ReportQuery q = new ReportQuery(instant("01-01"), instant("05-01"), Dimension.OWNER_ID, Map.of(),
                Dimension.Subject.CLOCKS);
        SlaComplianceReport clocksOnly = reports.slaCompliance(q, false).await().indefinitely();
        assertEquals(List.of(month(1), month(2), month(3), month(4)), window(q).months());

        var body = as(Api.newKey("viewer")).queryParam("from", q.from().toString()).queryParam("to", q.to().toString())
                .queryParam("groupBy", "ownerId").get("/api/v1/reports/sla-compliance")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(clocksOnly.total().clocks(), body.getLong("total.clocks"));
        assertEquals(clocksOnly.total().compliance().toString(), body.getString("total.compliance"));
        assertEquals(clocksOnly.groups().size(), body.getList("groups").size());
        assertEquals(clocksOnly.total().timeToMet().wall().median().toString(),
                body.getString("total.timeToMet.wall.median"));
    }

    /**
     * For every grouping, without a filter and with a filter on the grouped dimension (or on the team, ungrouped):
     * the report from the rollups equals the report from the clocks, and the rollups served {@code months}.
     */
    private void assertSame(Instant from, Instant to, List<LocalDate> months) {
        List<Dimension> groupings = new ArrayList<>(Arrays.asList((Dimension) null));
        groupings.addAll(Dimension.of(Dimension.Subject.CLOCKS));
        for (Dimension groupBy : groupings) {
            Dimension filtered = groupBy == null ? Dimension.TEAM_KEY : groupBy;
            List<Map<Dimension, String>> filters = new ArrayList<>();
            filters.add(Map.of());
            String value = someValue(filtered);
            if (value != null) {
                filters.add(new EnumMap<>(Map.of(filtered, value)));
            }
            for (Map<Dimension, String> filter : filters) {
                ReportQuery q = new ReportQuery(from, to, groupBy, filter, Dimension.Subject.CLOCKS);
                String what = "groupBy " + groupBy + ", filters " + filter + ", " + from + " to " + to;
                assertEquals(months, window(q).months(), what);
                SlaComplianceReport clocksOnly = reports.slaCompliance(q, false).await().indefinitely();
                assertTrue(clocksOnly.total().clocks() > 0, what);
                assertEquals(clocksOnly, reports.slaCompliance(q, true).await().indefinitely(), what);
            }
        }
    }

    private SlaWindow window(ReportQuery q) {
        return pool.withTransaction(conn -> SlaComplianceStatements.window(conn, q)).await().indefinitely();
    }

    /** A value of the dimension among this test's clocks. */
    private String someValue(Dimension d) {
        String column = d.column(Dimension.Subject.CLOCKS);
        var rows = pool.preparedQuery("select " + column + " as v from sla_clocks where id = any($1) and " + column
                + " is not null order by 1 limit 1").execute(Tuple.of(clocks.toArray(UUID[]::new))).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString("v");
    }

    private UUID clockDueIn(int month) {
        return pool.preparedQuery("select id from sla_clocks where id = any($1) and due_at >= $2 and due_at < $3 "
                        + "and status <> 'met' order by id limit 1")
                .execute(Tuple.of(clocks.toArray(UUID[]::new), at(SlaRollups.start(month(month))),
                        at(SlaRollups.start(month(month + 1)))))
                .await().indefinitely().iterator().next().getUUID("id");
    }

    private List<LocalDate> built() {
        List<LocalDate> months = new ArrayList<>();
        for (Row r : pool.preparedQuery("select month from sla_rollup_months where month >= $1 and month < $2 order by 1")
                .execute(Tuple.of(month(1), month(5))).await().indefinitely()) {
            months.add(r.getLocalDate("month"));
        }
        return months;
    }

    private long notes(LocalDate month) {
        return pool.preparedQuery("select count(*) from sla_rollup_changes where month = $1").execute(Tuple.of(month))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private LocalDate month(int m) {
        return m == 13 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, m, 1);
    }

    private Instant instant(String monthDay) {
        return Instant.parse(year + "-" + monthDay + "T00:00:00Z");
    }

    private static Object at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
