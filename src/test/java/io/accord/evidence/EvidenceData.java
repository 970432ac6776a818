package io.accord.evidence;

import static io.accord.support.Api.admin;

import io.accord.support.Api;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Handed-off leads with known attributes and outcomes, written straight into {@code leads} (backtests read SQL, so
 * this is the most direct way to exact hand-off times, outcomes and first touches), each test in a source of its own.
 */
final class EvidenceData {

    /** What became of a lead. */
    enum Fate { WON, ACCEPTED, REJECTED }

    private final Pool pool;
    final String source = Api.slug("evd");

    EvidenceData(Pool pool) {
        this.pool = pool;
    }

    static OffsetDateTime t(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A lead handed off at {@code handedOff} with the given attributes (JSON objects), recorded fit and fate;
     * {@code firstTouch} after the hand-off, or null for none.
     */
    void lead(Instant handedOff, String company, String custom, String fitIcp, Integer fitVersion, Integer fitScore,
            String fitTier, Fate fate, String reason, Duration firstTouch) {
        UUID id = UUID.randomUUID();
        String status = switch (fate) {
            case WON -> "won";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
        };
        Instant decided = handedOff.plus(Duration.ofDays(1));
        pool.preparedQuery("insert into leads (id, source, external_id, status, company, contact, custom, fit_icp_key, "
                        + "fit_version, fit_score, fit_tier, fit_qualified, handoff_id, handed_off_at, reject_reason, outcome, "
                        + "created_at, updated_at, accepted_at, qualified_at, closed_at, rejected_at, first_touch_at) values "
                        + "($1, $2, $3, $4, $5, '{\"title\": \"CTO\"}', $6, $7, $8, $9, $10, cast($7 as text) is not null, $11, $12, $13, "
                        + "$14, $12, $15, $16, $17, $18, $19, $20)")
                .execute(Tuple.from(Arrays.asList(id, source, id.toString(), status, company, custom, fitIcp, fitVersion,
                        fitScore, fitTier, UUID.randomUUID(), t(handedOff), reason, fate == Fate.WON ? "won" : null,
                        t(decided), fate != Fate.REJECTED ? t(decided) : null, fate == Fate.WON ? t(decided) : null,
                        fate == Fate.WON ? t(decided) : null, fate == Fate.REJECTED ? t(decided) : null,
                        firstTouch == null ? null : t(handedOff.plus(firstTouch)))))
                .await().indefinitely();
    }

    /** Creates an ICP and drafts version 1 with these criteria and tiers A ≥ 80, B ≥ 50, C ≥ 0; returns the key. */
    static String icpWithDraft(List<Map<String, Object>> criteria) {
        String key = Api.slug("evicp");
        admin().body(Map.of("key", key, "name", "ICP " + key)).post("/api/v1/icps").then().statusCode(201);
        admin().body(Map.of("criteria", criteria, "tiers", List.of(Map.of("label", "A", "minScore", 80),
                        Map.of("label", "B", "minScore", 50), Map.of("label", "C", "minScore", 0))))
                .post("/api/v1/icps/" + key + "/versions").then().statusCode(201);
        return key;
    }

    static Map<String, Object> criterion(String attribute, String operator, Object operand, int weight) {
        return operator.equals("in") ? Map.of("attribute", attribute, "operator", operator, "values", operand,
                "weight", weight) : Map.of("attribute", attribute, "operator", operator, "value", operand, "weight", weight);
    }
}
