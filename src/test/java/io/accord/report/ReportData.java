package io.accord.report;

import static io.accord.support.Api.admin;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes known report data straight into the tables (reports read SQL, so this is the most direct way to get exact
 * instants and outcomes), in a namespace of its own: every lead of a test has the test's own source, so filters keep
 * tests apart. Lead stage times are set the way the application sets them: status changes with {@code updated_at},
 * which the V9 triggers turn into stage times; touches through the touch trigger.
 */
final class ReportData {

    private final Pool pool;
    final String source = Api.slug("rep");

    ReportData(Pool pool) {
        this.pool = pool;
    }

    static OffsetDateTime t(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    void sql(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(args))).await().indefinitely();
    }

    /** A new lead created at {@code createdAt}. */
    UUID lead(String createdAt, String ownerId, String teamKey, String icpKey, Integer icpVersion, String tier) {
        UUID id = UUID.randomUUID();
        sql("insert into leads (id, source, external_id, status, company, contact, custom, owner_id, team_key, fit_icp_key, "
                + "fit_version, fit_tier, created_at, updated_at) values ($1, $2, $3, 'new', $4, '{}', '{}', $5, null, $6, "
                + "$7, $8, $9, $9)", id, source, id.toString(), "{\"name\": \"Company " + id.toString().substring(0, 4) + "\"}",
                ownerId, icpKey, icpVersion, tier, t(createdAt));
        if (teamKey != null) {
            // team_key references teams; tests that group by team create them.
            sql("update leads set team_key = $2 where id = $1", id, teamKey);
        }
        return id;
    }

    /** Hands a lead off at {@code at}, with a lead event like the application writes. */
    UUID handOff(UUID lead, String at) {
        UUID handoff = UUID.randomUUID();
        sql("update leads set status = 'mql', handoff_id = $2, handed_off_at = $3, reject_reason = null, updated_at = $3 "
                + "where id = $1", lead, handoff, t(at));
        event(lead, "hand_off", at);
        return handoff;
    }

    /** Moves a lead to a status at {@code at} (the trigger records the stage time), with its lifecycle event. */
    void move(UUID lead, String status, String at) {
        String reason = null;
        String outcome = status.equals("won") || status.equals("lost") ? status : null;
        sql("update leads set status = $2, outcome = coalesce($3, outcome), updated_at = $4 where id = $1", lead, status,
                outcome, t(at));
        event(lead, switch (status) {
            case "accepted" -> "accept";
            case "qualified" -> "qualify";
            case "won", "lost" -> "close";
            case "rejected" -> "reject";
            case "recycled" -> "recycle";
            default -> throw new IllegalArgumentException(status);
        }, at);
    }

    void reject(UUID lead, String reason, String at) {
        sql("update leads set status = 'rejected', reject_reason = $2, updated_at = $3 where id = $1", lead, reason, t(at));
        event(lead, "reject", at);
    }

    void event(UUID lead, String kind, String at) {
        sql("insert into lead_events (id, lead_id, at, kind, actor, summary) values ($1, $2, $3, $4, 'test', $4)",
                UUID.randomUUID(), lead, t(at), kind);
    }

    void touch(UUID lead, String occurredAt) {
        sql("insert into lead_touches (id, lead_id, kind, occurred_at, actor_id, created_at, created_by) "
                + "values ($1, $2, 'call', $3, 'rep', $3, 'test')", UUID.randomUUID(), lead, t(occurredAt));
    }

    /** An SLA policy (disabled, so it starts no clocks of other tests) on a calendar; answers its id. */
    UUID policy(String key, String calendarKey) {
        Map<String, Object> body = Fixtures.policy(key, 1, calendarKey, Map.of("sources", List.of(source)),
                List.of(Fixtures.milestone("first_touch", "PT4H"), Fixtures.milestone("decision", "P1D")));
        body.put("enabled", false);
        admin().body(body).post("/api/v1/sla-policies").then().statusCode(201);
        return pool.preparedQuery("select id from sla_policies where key = $1").execute(Tuple.of(key)).await()
                .indefinitely().iterator().next().getUUID("id");
    }

    /** One clock as the SLA code leaves it; {@code status} met, breached, cancelled or running. */
    static Map<String, Object> clock(String milestone, String ownerId, String teamKey, String startedAt, String dueAt,
            String status, String metAt, String breachedAt, String cancelledAt) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("milestone", milestone);
        c.put("owner", ownerId);
        c.put("team", teamKey);
        c.put("started", startedAt);
        c.put("due", dueAt);
        c.put("status", status);
        c.put("met", metAt);
        c.put("breached", breachedAt);
        c.put("cancelled", cancelledAt);
        return c;
    }

    /** Inserts a clock on a lead (the V9 trigger copies the lead's source and ICP onto it). */
    UUID insertClock(UUID lead, UUID policyId, String policyKey, String calendarKey, Map<String, Object> c) {
        UUID id = UUID.randomUUID();
        Instant met = c.get("met") == null ? null : Instant.parse((String) c.get("met"));
        boolean late = met != null && met.isAfter(Instant.parse((String) c.get("due")));
        sql("insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, "
                + "policy_revision, calendar_key, milestone, target, status, started_at, due_at, met_at, late, breached_at, "
                + "cancelled_at, created_at) values ($1, $2, $3, $4, $5, null, $6, $7, 1, $8, $9, 'PT4H', $10, $11, $12, "
                + "$13, $14, $15, $16, $11)",
                id, lead, UUID.randomUUID(), c.get("owner"), c.get("team"), policyId, policyKey, calendarKey,
                c.get("milestone"), c.get("status"), t((String) c.get("started")), t((String) c.get("due")),
                t((String) c.get("met")), late, t((String) c.get("breached")), t((String) c.get("cancelled")));
        return id;
    }

    /** Creates a sales team (clocks and leads reference teams by key). */
    static String team() {
        return Fixtures.team("mgr-r", null);
    }
}
