package io.accord.icp;

import static io.accord.icp.IcpApiFixtures.draft;
import static io.accord.icp.IcpApiFixtures.marketing;
import static io.accord.icp.IcpApiFixtures.newIcp;
import static io.accord.icp.IcpApiFixtures.propose;
import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Workflow steps racing on one ICP are serialised: no lost approval, never two active versions. */
@QuarkusTest
class IcpConcurrencyTest {

    @Test
    void twoVersionsActivatedAtTheSameTimeEndWithExactlyOneActive() throws Exception {
        String key = newIcp();
        int a = draft(key);
        int b = draft(key);
        for (int n : List.of(a, b)) {
            propose(key, n);
            as(marketing()).body(Map.of("side", "marketing"))
                    .post("/api/v1/icps/" + key + "/versions/" + n + "/approve").then().statusCode(200);
        }
        String salesA = Api.newKey("sales");
        String salesB = Api.newKey("sales_manager");
        List<Integer> statuses = race(
                () -> as(salesA).body(Map.of("side", "sales")).post("/api/v1/icps/" + key + "/versions/" + a + "/approve")
                        .statusCode(),
                () -> as(salesB).body(Map.of("side", "sales")).post("/api/v1/icps/" + key + "/versions/" + b + "/approve")
                        .statusCode());
        assertEquals(List.of(200, 200), statuses);

        List<String> states = admin().get("/api/v1/icps/" + key + "/versions").then().statusCode(200)
                .extract().path("items.status");
        assertEquals(1, states.stream().filter("active"::equals).count(), states.toString());
        assertEquals(1, states.stream().filter("superseded"::equals).count(), states.toString());
        int active = admin().get("/api/v1/icps/" + key).then().extract().path("activeVersion");
        assertEquals("active", admin().get("/api/v1/icps/" + key + "/versions/" + active).then()
                .extract().path("status"));
    }

    @Test
    void twoApprovalsOfTheSameSideAtTheSameTimeRecordOnlyOne() throws Exception {
        String key = newIcp();
        int n = draft(key);
        propose(key, n);
        String one = Api.newKey("marketing");
        String two = Api.newKey("marketing");
        List<Integer> statuses = race(
                () -> as(one).body(Map.of("side", "marketing")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                        .statusCode(),
                () -> as(two).body(Map.of("side", "marketing")).post("/api/v1/icps/" + key + "/versions/" + n + "/approve")
                        .statusCode());
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        List<String> sides = admin().get("/api/v1/icps/" + key + "/versions/" + n).then().extract().path("approvals.side");
        assertEquals(List.of("marketing"), sides);
    }

    @SafeVarargs
    private static List<Integer> race(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
