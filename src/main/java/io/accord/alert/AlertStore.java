package io.accord.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code alerts} table: bulk inserts that skip existing (subject, kind) pairs, the lifecycle updates and the
 * reads, mapped to {@link AlertView}. Details are stored as JSON text.
 */
@ApplicationScoped
class AlertStore {

    static final String COLUMNS = "id, kind, subject, clock_id, status, resolution, lead_id, source, external_id, "
            + "company_name, owner_id, team_key, tier, manager_id, policy_key, policy_revision, milestone, due_at, "
            + "detected_at, details, acknowledged_at, acknowledged_by, resolved_at, resolved_by, comment, created_at";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    AlertStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Inserts the alerts in one statement, in the given order, skipping those whose (subject, kind) exists
     * ("on conflict do nothing"); answers the ids actually inserted. {@code details} are JSON texts.
     */
    Uni<Set<UUID>> insertAbsent(SqlConnection conn, OffsetDateTime at, UUID[] ids, List<AlertColumns> rows,
            String[] details) {
        int n = rows.size();
        String[] kinds = new String[n];
        String[] subjects = new String[n];
        UUID[] clocks = new UUID[n];
        UUID[] leads = new UUID[n];
        String[] sources = new String[n];
        String[] externalIds = new String[n];
        String[] companies = new String[n];
        String[] owners = new String[n];
        String[] teams = new String[n];
        String[] tiers = new String[n];
        String[] managers = new String[n];
        String[] policies = new String[n];
        Integer[] revisions = new Integer[n];
        String[] milestones = new String[n];
        OffsetDateTime[] dues = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            AlertColumns d = rows.get(i);
            kinds[i] = d.kind();
            subjects[i] = d.subject();
            clocks[i] = d.clockId();
            leads[i] = d.leadId();
            sources[i] = d.source();
            externalIds[i] = d.externalId();
            companies[i] = d.companyName();
            owners[i] = d.ownerId();
            teams[i] = d.teamKey();
            tiers[i] = d.tier();
            managers[i] = d.managerId();
            policies[i] = d.policyKey();
            revisions[i] = d.policyRevision();
            milestones[i] = d.milestone();
            dues[i] = d.dueAt() == null ? null : d.dueAt().atOffset(ZoneOffset.UTC);
        }
        return conn.preparedQuery("insert into alerts (id, kind, subject, clock_id, status, lead_id, source, external_id, "
                        + "company_name, owner_id, team_key, tier, manager_id, policy_key, policy_revision, milestone, "
                        + "due_at, detected_at, details, created_at) "
                        + "select id, kind, subject, clock_id, 'open', lead_id, source, external_id, company_name, owner_id, "
                        + "team_key, tier, manager_id, policy_key, policy_revision, milestone, due_at, $18, details, $18 "
                        + "from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], "
                        + "$8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], "
                        + "$15::text[], $16::timestamptz[], $17::text[]) with ordinality as x(id, kind, subject, clock_id, "
                        + "lead_id, source, external_id, company_name, owner_id, team_key, tier, manager_id, policy_key, "
                        + "policy_revision, milestone, due_at, details, ord) order by ord "
                        + "on conflict (subject, kind) do nothing returning id")
                .execute(Tuple.from(Arrays.asList(ids, kinds, subjects, clocks, leads, sources, externalIds,
                        companies, owners, teams, tiers, managers, policies, revisions, milestones, dues, details, at)))
                .map(inserted -> {
                    Set<UUID> out = new HashSet<>(inserted.size() * 2);
                    for (Row row : inserted) {
                        out.add(row.getUUID(0));
                    }
                    return out;
                });
    }

    /** Resolves the unresolved alerts of each clock with its resolution; answers them as they are now. */
    Uni<List<AlertView>> resolveForClocks(SqlConnection conn, OffsetDateTime at, List<UUID> clockIds,
            List<String> resolutions) {
        return conn.preparedQuery("update alerts a set status = 'resolved', resolution = x.r, resolved_at = $3, "
                        + "resolved_by = 'system', version = a.version + 1 "
                        + "from unnest($1::uuid[], $2::text[]) as x(c, r) "
                        + "where a.subject = x.c::text and a.clock_id = x.c and a.status <> 'resolved' returning a.*")
                .execute(Tuple.of(clockIds.toArray(new UUID[0]), resolutions.toArray(new String[0]), at))
                .map(this::views);
    }

    /** One page of alerts in creation order, filtered; {@code page.fetchSize()} rows at most. */
    Uni<List<AlertView>> page(AlertFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alerts where true");
        List<Object> args = new ArrayList<>();
        filter.appendTo(sql, args);
        if (page.after() != null) {
            sql.append(" and ").append(Keyset.sql("created_at", "id", page.after(), args));
        }
        sql.append(" order by created_at, id limit ").append(page.fetchSize());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(this::views);
    }

    /** The alert, or null; {@code forUpdate} locks its row in {@code client}'s transaction. */
    Uni<AlertView> find(SqlClient client, UUID id, boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + " from alerts where id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    Uni<AlertView> find(UUID id) {
        return find(pool, id, false);
    }

    /** {@code → acknowledged}, keeping the comment when none is given. */
    Uni<AlertView> acknowledge(SqlConnection conn, UUID id, OffsetDateTime at, String actor, String comment) {
        return update(conn, "update alerts set status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, "
                + "comment = coalesce($4, comment), version = version + 1 where id = $1 returning " + COLUMNS,
                id, at, actor, comment);
    }

    /** {@code → resolved} with resolution {@code manual}, keeping the comment when none is given. */
    Uni<AlertView> resolve(SqlConnection conn, UUID id, OffsetDateTime at, String actor, String comment) {
        return update(conn, "update alerts set status = 'resolved', resolution = 'manual', resolved_at = $2, "
                + "resolved_by = $3, comment = coalesce($4, comment), version = version + 1 where id = $1 returning "
                + COLUMNS, id, at, actor, comment);
    }

    private Uni<AlertView> update(SqlConnection conn, String sql, UUID id, OffsetDateTime at, String actor,
            String comment) {
        return conn.preparedQuery(sql).execute(Tuple.of(id, at, actor, comment)).map(r -> view(r.iterator().next()));
    }

    private List<AlertView> views(RowSet<Row> rows) {
        List<AlertView> views = new ArrayList<>();
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    AlertView view(Row row) {
        UUID leadId = row.getUUID("lead_id");
        return new AlertView(row.getUUID("id"), row.getString("kind"), row.getString("status"),
                row.getString("resolution"), row.getUUID("clock_id"), leadId, row.getString("source"),
                row.getString("external_id"), row.getString("company_name"), row.getString("tier"),
                row.getString("owner_id"), row.getString("team_key"), row.getString("manager_id"),
                row.getString("policy_key"), row.getInteger("policy_revision"), row.getString("milestone"),
                instant(row, "due_at"), instant(row, "detected_at"),
                link(leadId), read(row.getString("details")),
                instant(row, "acknowledged_at"), row.getString("acknowledged_by"), instant(row, "resolved_at"),
                row.getString("resolved_by"), row.getString("comment"), instant(row, "created_at"));
    }

    static String link(UUID leadId) {
        return leadId == null ? null : "/api/v1/leads/" + leadId;
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** JSON text of a value; an empty map or null is {@code {}}. */
    String write(Object value) {
        try {
            if (value == null || value instanceof Map<?, ?> map && map.isEmpty()) {
                return "{}";
            }
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> read(String value) {
        try {
            return value == null || value.equals("{}") ? Map.of() : json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
