package io.accord.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertServiceTest {

    @Inject
    AlertService alerts;

    @Inject
    Pool pool;

    @Test
    void raisingTheSameAlertTwiceCreatesItOnce() {
        String team = Api.slug("team");
        List<AlertDraft> drafts = Alerts.breaches(3, team);
        Instant now = Instant.parse("2026-11-23T11:00:01Z");
        assertEquals(3, pool.withTransaction(c -> alerts.raise(c, now, drafts)).await().indefinitely().size());
        assertEquals(0, pool.withTransaction(c -> alerts.raise(c, now, drafts)).await().indefinitely().size());
        assertEquals(3, count("select count(*) from alerts where team_key = $1", team));
        assertEquals(3, count("select count(*) from events where team_key = $1 and type = 'alert.created'", team));
    }

    @Test
    void concurrentRaisersCreateExactlyOneAlertPerSubjectAndKind() throws Exception {
        String team = Api.slug("race");
        List<AlertDraft> drafts = Alerts.breaches(500, team);
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                List<AlertDraft> shuffled = new ArrayList<>(drafts);
                java.util.Collections.shuffle(shuffled, new java.util.Random(i));
                tasks.add(() -> pool.withTransaction(c -> alerts.raise(c, Instant.now(), shuffled)).await().indefinitely().size());
            }
            int created = 0;
            for (Future<Integer> f : workers.invokeAll(tasks)) {
                created += f.get();
            }
            assertEquals(500, created, "each alert is created by exactly one raiser");
        } finally {
            workers.shutdownNow();
        }
        assertEquals(500, count("select count(*) from alerts where team_key = $1", team));
        assertEquals(500, count("select count(distinct subject) from alerts where team_key = $1", team));
        assertEquals(500, count("select count(*) from events where team_key = $1", team));
    }

    @Test
    void eventSequenceNumbersFollowCommitOrder() {
        String team = Api.slug("seq");
        for (int i = 0; i < 5; i++) {
            pool.withTransaction(c -> alerts.raise(c, Instant.now(), Alerts.breaches(2, team))).await().indefinitely();
        }
        List<Long> seqs = new ArrayList<>();
        pool.preparedQuery("select seq from events where team_key = $1 order by at, seq").execute(Tuple.of(team))
                .await().indefinitely().forEach(r -> seqs.add(r.getLong("seq")));
        List<Long> sorted = new ArrayList<>(seqs);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, seqs);
        assertEquals(10, seqs.size());
    }

    private long count(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
