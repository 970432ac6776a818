package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The transactions reports read in, on the real database: their settings, and one snapshot shared by all parts. */
@QuarkusTest
class ReportReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READ_SETTINGS = "select current_setting('plan_cache_mode') as plan_cache_mode, "
            + "current_setting('work_mem') as work_mem, current_setting('jit') as jit, "
            + "current_setting('transaction_read_only') as read_only, "
            + "current_setting('transaction_isolation') as isolation";

    @Inject
    ReportReader reader;

    @Inject
    Pool pool;

    @Test
    void aReportReadsInARepeatableReadOnlyTransactionWithACustomPlanForEveryStatement() {
        List<Object> rows = reader.sequentially(List.of(settings())).await().atMost(WAIT);
        assertReportSettings(rows.get(0));
    }

    @Test
    void everyConcurrentPartHasTheSameSettings() {
        List<Object> rows = reader.concurrently(List.of(settings(), settings(), settings())).await().atMost(WAIT);
        assertEquals(3, rows.size());
        rows.forEach(ReportReaderTest::assertReportSettings);
    }

    /**
     * The first part commits a team from another connection once its own snapshot is taken; the second part waits for
     * that commit before it counts. Both must miss the team: the second part imported the first part's snapshot.
     */
    @Test
    void concurrentPartsReadOneSnapshotEvenWhenAWriteCommitsBetweenThem() {
        String key = "reader-" + UUID.randomUUID();
        CompletableFuture<Void> committed = new CompletableFuture<>();
        Function<SqlConnection, Uni<?>> first = conn -> pool.preparedQuery("insert into teams (id, key, name, function, "
                        + "manager_id, members, created_at, created_by, updated_at) "
                        + "values (gen_random_uuid(), $1, 'Reader probe', 'sales', null, '{}', now(), 'test', now())")
                .execute(Tuple.of(key))
                .invoke(() -> committed.complete(null))
                .chain(() -> teamsWithKey(conn, key));
        Function<SqlConnection, Uni<?>> second = conn -> Uni.createFrom().completionStage(committed)
                .chain(() -> teamsWithKey(conn, key));

        List<Object> counts = reader.concurrently(List.of(first, second)).await().atMost(WAIT);

        assertEquals(List.of(0L, 0L), counts);
        assertEquals(1L, teamsWithKey(pool, key).await().atMost(WAIT), "the team was committed");
    }

    private static Uni<Long> teamsWithKey(SqlClient client, String key) {
        return client.preparedQuery("select count(*) from teams where key = $1").execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Function<SqlConnection, Uni<?>> settings() {
        return conn -> conn.query(READ_SETTINGS).execute().map(rows -> rows.iterator().next());
    }

    private static void assertReportSettings(Object result) {
        Row row = (Row) result;
        assertEquals("force_custom_plan", row.getString("plan_cache_mode"));
        assertEquals("128MB", row.getString("work_mem"));
        assertEquals("off", row.getString("jit"));
        assertEquals("on", row.getString("read_only"));
        assertEquals("repeatable read", row.getString("isolation"));
    }
}
