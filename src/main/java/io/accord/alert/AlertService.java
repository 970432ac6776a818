package io.accord.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts: raised exactly once per subject and kind (a unique constraint decides, not memory), listed, acknowledged
 * and resolved. Every change appends an event in the same transaction, which feeds the live stream, the pull feed
 * and the webhooks. Alerts are queue-like rows written in bulk by detectors, so this feature uses the reactive SQL
 * client directly.
 */
@ApplicationScoped
public class AlertService {

    static final String COLUMNS = "id, kind, subject, clock_id, status, resolution, lead_id, source, external_id, "
            + "company_name, owner_id, team_key, tier, manager_id, policy_key, policy_revision, milestone, due_at, "
            + "detected_at, details, acknowledged_at, acknowledged_by, resolved_at, resolved_by, comment, created_at";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Pool pool;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    public AlertService(Pool pool, EventLog events, AuditLog audit, Clock clock, ObjectMapper json) {
        this.pool = pool;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Raises the drafts that do not exist yet, inside {@code conn}'s transaction, and returns the ones this call
     * created (a draft whose alert exists already is skipped: exactly once, whichever replica tries).
     */
    public Uni<List<AlertView>> raise(SqlConnection conn, Instant detectedAt, List<? extends AlertDraft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime at = detectedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // One global insertion order, so that transactions raising overlapping alerts cannot deadlock.
        List<AlertColumns> ordered = drafts.stream()
                .sorted(java.util.Comparator.comparing(AlertDraft::subject).thenComparing(AlertDraft::kind))
                .map(AlertDraft::columns).toList();
        int n = ordered.size();
        UUID[] ids = new UUID[n];
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
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            AlertColumns d = ordered.get(i);
            ids[i] = UUID.randomUUID();
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
            details[i] = write(d.details());
        }
        // One statement for the whole batch; "on conflict do nothing" makes a second raise a no-op.
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
                .execute(Tuple.from(java.util.Arrays.asList(ids, kinds, subjects, clocks, leads, sources, externalIds,
                        companies, owners, teams, tiers, managers, policies, revisions, milestones, dues, details, at)))
                .chain(rows -> {
                    // The created alerts are exactly the drafts, so they are built here rather than read back.
                    Set<UUID> inserted = new HashSet<>(rows.size() * 2);
                    for (Row row : rows) {
                        inserted.add(row.getUUID(0));
                    }
                    Instant stamp = at.toInstant();
                    List<AlertView> created = new ArrayList<>(inserted.size());
                    for (int i = 0; i < n; i++) {
                        if (inserted.contains(ids[i])) {
                            created.add(created(ids[i], ordered.get(i), read(details[i]), stamp));
                        }
                    }
                    return events.append(conn, detectedAt, created.stream().map(a -> event("alert.created", a)).toList())
                            .replaceWith(created);
                });
    }

    private static AlertView created(UUID id, AlertColumns d, Map<String, Object> details, Instant at) {
        return new AlertView(id, d.kind(), "open", null, d.clockId(), d.leadId(), d.source(), d.externalId(),
                d.companyName(), d.tier(), d.ownerId(), d.teamKey(), d.managerId(), d.policyKey(), d.policyRevision(),
                d.milestone(), d.dueAt() == null ? null : d.dueAt().truncatedTo(ChronoUnit.MICROS), at,
                link(d.leadId()), details, null, null, null, null, null, at);
    }

    private static String link(UUID leadId) {
        return leadId == null ? null : "/api/v1/leads/" + leadId;
    }

    /** Resolves the unresolved alerts of a clock that was met late or cancelled, in {@code conn}'s transaction. */
    public Uni<List<AlertView>> resolveForClocks(SqlConnection conn, Instant now, List<UUID> clockIds,
            List<String> resolutions) {
        if (clockIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("update alerts a set status = 'resolved', resolution = x.r, resolved_at = $3, "
                        + "resolved_by = 'system', version = a.version + 1 "
                        + "from unnest($1::uuid[], $2::text[]) as x(c, r) "
                        + "where a.subject = x.c::text and a.clock_id = x.c and a.status <> 'resolved' returning a.*")
                .execute(Tuple.of(clockIds.toArray(new UUID[0]), resolutions.toArray(new String[0]),
                        now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    List<AlertView> resolved = new ArrayList<>();
                    rows.forEach(row -> resolved.add(view(row)));
                    return events.append(conn, now, resolved.stream().map(a -> event("alert.resolved", a)).toList())
                            .replaceWith(resolved);
                });
    }

    public Uni<Page<AlertView>> list(AlertFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alerts where true");
        List<Object> args = new ArrayList<>();
        filter.appendTo(sql, args);
        if (page.after() != null) {
            args.add(page.after().createdAt().atOffset(ZoneOffset.UTC));
            int at = args.size();
            args.add(page.after().id());
            sql.append(" and (created_at > $").append(at).append(" or (created_at = $").append(at)
                    .append(" and id > $").append(at + 1).append("))");
        }
        sql.append(" order by created_at, id limit ").append(page.fetchSize());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<AlertView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v);
        });
    }

    public Uni<AlertView> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from alerts where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Alert", id);
                    }
                    return view(rows.iterator().next());
                });
    }

    /** {@code open → acknowledged}. Acknowledging an acknowledged alert is a no-op; a resolved one is a 409. */
    public Uni<AlertView> acknowledge(UUID id, String comment, String actor) {
        return transition(id, actor, comment, "acknowledged");
    }

    /** {@code open|acknowledged → resolved} with resolution {@code manual}; resolving twice is a no-op. */
    public Uni<AlertView> resolve(UUID id, String comment, String actor) {
        return transition(id, actor, comment, "resolved");
    }

    private Uni<AlertView> transition(UUID id, String actor, String comment, String target) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(conn -> conn
                .preparedQuery("select " + COLUMNS + " from alerts where id = $1 for update").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Alert", id);
                    }
                    AlertView current = view(rows.iterator().next());
                    if (current.status().equals(target)) {
                        return Uni.createFrom().item(current);
                    }
                    if (current.status().equals("resolved")) {
                        throw new ProblemException(ProblemKind.INVALID_TRANSITION, "Alert " + id + " is resolved",
                                List.of(), Map.of("allowedActions", List.of()), Map.of());
                    }
                    String update = target.equals("acknowledged")
                            ? "update alerts set status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, "
                                    + "comment = coalesce($4, comment), version = version + 1 where id = $1 returning " + COLUMNS
                            : "update alerts set status = 'resolved', resolution = 'manual', resolved_at = $2, resolved_by = $3, "
                                    + "comment = coalesce($4, comment), version = version + 1 where id = $1 returning " + COLUMNS;
                    return conn.preparedQuery(update)
                            .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), actor, comment))
                            .map(r -> view(r.iterator().next()))
                            .call(changed -> events.append(conn, now, List.of(event("alert." + target, changed))))
                            .call(changed -> audit.record(conn, now, actor, "alert." + target, "alert", id,
                                    (target.equals("acknowledged") ? "Acknowledged " : "Resolved ") + changed.kind()
                                            + " alert" + (comment == null ? "" : ": " + comment)));
                }));
    }

    EventDraft event(String type, AlertView a) {
        return new EventDraft(type, a.id(), a.kind(), a.status(), a.leadId(), a.ownerId(), a.teamKey(), a.tier(),
                write(a));
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

    static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            if (value == null || value instanceof Map<?, ?> map && map.isEmpty()) {
                return "{}";
            }
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return value == null || value.equals("{}") ? Map.of() : json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
