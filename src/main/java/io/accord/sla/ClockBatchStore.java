package io.accord.sla;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements of the two scheduled jobs on {@code sla_clocks}, run on the caller's pool connection and transaction:
 * the breach detector's claim and checkpoints ({@link BreachDetector}) and the business-time fill
 * ({@link ClockDurations}). Together with {@link SlaClockRepository} (the changes leads drive) the only writers of
 * {@code sla_clocks}. Claims lock with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work.
 */
@ApplicationScoped
class ClockBatchStore {

    /** Clocks whose next check has come, with what their alerts need; served by {@code sla_clocks_next_check}. */
    static final String CLAIM_DUE = "select c.id, c.lead_id, c.status, c.owner_id, c.team_key, c.tier, "
            + "c.policy_key, c.policy_revision, c.milestone, c.warn_at, c.due_at, c.escalate_at, c.late, "
            + "c.warning_raised_at, c.escalation_raised_at, l.source, l.external_id, "
            + "(l.company::jsonb ->> 'name') as company_name, t.manager_id, "
            + "exists (select 1 from alerts a where a.subject = c.id::text and a.kind = 'sla.breached' "
            + "and a.status = 'resolved') as breach_resolved, "
            + "c.started_at, c.calendar_key, c.policy_id, c.business_time, c.follows_absences "
            + "from sla_clocks c join leads l on l.id = c.lead_id left join teams t on t.key = c.team_key "
            + "where c.next_check_at <= $1 order by c.next_check_at limit $2 for update of c skip locked";

    /** Met clocks whose business time is still to be computed; served by {@code sla_clocks_business_pending}. */
    static final String CLAIM_PENDING_DURATIONS = "select id, calendar_key, started_at, met_at, paused_seconds from sla_clocks "
            + "where status = 'met' and business_seconds_to_met is null order by met_at limit $1 "
            + "for update skip locked";

    /**
     * Paused clocks whose hold has reached its {@code until}, with what their resumption needs; served by
     * {@code sla_clocks_resume_due}.
     */
    static final String CLAIM_DUE_HOLDS = "select id, started_at, calendar_key, policy_id, policy_revision, milestone, "
            + "warn_at, due_at, escalate_at, resume_at, business_time, owner_id, follows_absences from sla_clocks "
            + "where status = 'paused' and resume_at <= $1 order by resume_at limit $2 for update skip locked";

    /**
     * An owner's running clocks that follow their absences, with what {@link AbsenceFollower} recomputes them from,
     * locked; clocks another transaction holds (the detector checking them, a lead's change) are skipped and left to
     * the detector's check. Served by {@code sla_clocks_owner}.
     */
    static final String LOCK_FOLLOWING = "select id, status, owner_id, milestone, started_at, calendar_key, "
            + "business_time, policy_id, policy_revision, warn_at, due_at, escalate_at, follows_absences "
            + "from sla_clocks where owner_id = $1 and status = 'running' and follows_absences "
            + "order by id for update skip locked";

    /** A paused clock whose hold ends by itself. */
    record DueHold(UUID id, Instant startedAt, String calendarKey, UUID policyId, int policyRevision, String milestone,
            Instant warnAt, Instant dueAt, Instant escalateAt, Instant resumeAt, String businessTime, String ownerId,
            boolean followsAbsences) {
    }

    /** What one clock's check decided; null instants leave the column as it is (next: no further check). */
    record Checked(UUID id, String status, Instant breachedAt, Instant warnedAt, Instant escalatedAt, Instant next) {
    }

    /** A met clock whose business time to met is to be computed. */
    record Pending(UUID id, String calendarKey, Instant startedAt, Instant metAt, long pausedSeconds) {
    }

    /** Claims up to {@code batch} clocks whose next check is at or before {@code now}. */
    Uni<List<Row>> claimDue(SqlConnection conn, Instant now, int batch) {
        return conn.preparedQuery(CLAIM_DUE).execute(Tuple.of(utc(now), batch)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    /** Claims up to {@code batch} paused clocks whose hold ends at or before {@code now}. */
    Uni<List<DueHold>> claimDueHolds(SqlConnection conn, Instant now, int batch) {
        return conn.preparedQuery(CLAIM_DUE_HOLDS).execute(Tuple.of(utc(now), batch)).map(rows -> {
            List<DueHold> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new DueHold(r.getUUID("id"), instant(r, "started_at"), r.getString("calendar_key"),
                        r.getUUID("policy_id"), r.getInteger("policy_revision"), r.getString("milestone"),
                        instant(r, "warn_at"), instant(r, "due_at"), instant(r, "escalate_at"),
                        instant(r, "resume_at"), r.getString("business_time"), r.getString("owner_id"),
                        r.getBoolean("follows_absences")));
            }
            return list;
        });
    }

    /** Locks the owner's running clocks that follow their absences ({@link #LOCK_FOLLOWING}). */
    Uni<List<Row>> lockFollowing(SqlConnection conn, String ownerId) {
        return conn.preparedQuery(LOCK_FOLLOWING).execute(Tuple.of(ownerId)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    /** New deadlines of a running clock, and its next check: the warning if not raised yet, else the due date. */
    Uni<Void> moveDeadlines(SqlConnection conn, UUID clockId, MilestoneTarget.Deadlines d) {
        return conn.preparedQuery("update sla_clocks set warn_at = $2, due_at = $3, escalate_at = $4, "
                        + "next_check_at = case when warning_raised_at is null and $2::timestamptz is not null "
                        + "then $2::timestamptz else $3::timestamptz end where id = $1 and status = 'running'")
                .execute(Tuple.of(clockId, utc(d.warnAt()), utc(d.dueAt()), utc(d.escalateAt())))
                .replaceWithVoid();
    }

    /** The pauses of a clock, oldest first. */
    Uni<List<ClockPauses.Pause>> pausesOf(SqlConnection conn, UUID clockId) {
        return conn.preparedQuery("select started_at, ended_at, until, reason from sla_clock_pauses "
                        + "where clock_id = $1 order by started_at").execute(Tuple.of(clockId)).map(rows -> {
                            List<ClockPauses.Pause> list = new ArrayList<>();
                            for (Row r : rows) {
                                list.add(new ClockPauses.Pause(instant(r, "started_at"), instant(r, "ended_at"),
                                        instant(r, "until"), r.getString("reason")));
                            }
                            return list;
                        });
    }

    /** The stored milestones (JSON) of a policy revision, or null. */
    Uni<String> milestones(SqlConnection conn, UUID policyId, int revision) {
        return conn.preparedQuery("select milestones from sla_policy_revisions where policy_id = $1 and revision = $2")
                .execute(Tuple.of(policyId, revision))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("milestones"));
    }

    /** Resumes a paused clock as {@code r} says (as {@code SlaClockRepository.resume} does in a lead's change). */
    Uni<Void> resume(SqlConnection conn, UUID clockId, ClockPauses.Resumption r) {
        OffsetDateTime end = utc(r.end());
        return conn.preparedQuery("delete from sla_clock_pauses where clock_id = $1 and started_at >= $2")
                .execute(Tuple.of(clockId, end))
                .chain(() -> conn.preparedQuery("update sla_clock_pauses set ended_at = least(coalesce(until, $2), $2) "
                        + "where clock_id = $1 and ended_at is null").execute(Tuple.of(clockId, end)))
                .chain(() -> conn.preparedQuery("update sla_clocks set status = 'running', resume_at = null, "
                        + "warn_at = $2, due_at = $3, escalate_at = $4, pauses = $5, paused_seconds = $6, "
                        + "paused_wall_seconds = $7, next_check_at = case when warning_raised_at is null "
                        + "and $2::timestamptz is not null then $2::timestamptz else $3::timestamptz end "
                        + "where id = $1 and status = 'paused'")
                        .execute(Tuple.from(new Object[] {clockId, utc(r.deadlines().warnAt()),
                            utc(r.deadlines().dueAt()), utc(r.deadlines().escalateAt()), r.pauses(),
                            r.pausedBusiness().getSeconds(), r.pausedWall().getSeconds()})))
                .replaceWithVoid();
    }

    /** Records the checks with one statement; a raised-at or breached-at already set is kept. */
    Uni<Void> checked(SqlConnection conn, List<Checked> checks) {
        int n = checks.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        OffsetDateTime[] breached = new OffsetDateTime[n];
        OffsetDateTime[] warned = new OffsetDateTime[n];
        OffsetDateTime[] escalated = new OffsetDateTime[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Checked c = checks.get(i);
            ids[i] = c.id();
            statuses[i] = c.status();
            breached[i] = utc(c.breachedAt());
            warned[i] = utc(c.warnedAt());
            escalated[i] = utc(c.escalatedAt());
            next[i] = utc(c.next());
        }
        return conn.preparedQuery("update sla_clocks c set status = x.status, "
                        + "breached_at = coalesce(c.breached_at, x.breached), "
                        + "warning_raised_at = coalesce(c.warning_raised_at, x.warned), "
                        + "escalation_raised_at = coalesce(c.escalation_raised_at, x.escalated), "
                        + "next_check_at = x.next "
                        + "from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], "
                        + "$5::timestamptz[], $6::timestamptz[]) as x(id, status, breached, warned, escalated, next) "
                        + "where c.id = x.id")
                .execute(Tuple.of(ids, statuses, breached, warned, escalated, next)).replaceWithVoid();
    }

    /** Claims up to {@code batch} met clocks without a business time, oldest met first. */
    Uni<List<Pending>> claimPendingDurations(SqlConnection conn, int batch) {
        return conn.preparedQuery(CLAIM_PENDING_DURATIONS).execute(Tuple.of(batch)).map(rows -> {
            List<Pending> pending = new ArrayList<>();
            for (Row r : rows) {
                pending.add(new Pending(r.getUUID("id"), r.getString("calendar_key"),
                        r.getOffsetDateTime("started_at").toInstant(), r.getOffsetDateTime("met_at").toInstant(),
                        r.getLong("paused_seconds")));
            }
            return pending;
        });
    }

    /** Sets {@code business_seconds_to_met} of the clocks, one value per id (-1: unknown). */
    Uni<Void> businessSecondsToMet(SqlConnection conn, UUID[] ids, Long[] seconds) {
        return conn.preparedQuery("update sla_clocks c set business_seconds_to_met = x.s "
                        + "from unnest($1::uuid[], $2::bigint[]) as x(id, s) where c.id = x.id")
                .execute(Tuple.of(ids, seconds)).replaceWithVoid();
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** A breaching clock with its policy revision's milestones (stored JSON) and what a new clock copies. */
    record Breaching(UUID id, UUID policyId, int revision, String calendarKey, Instant escalateAt, String milestones) {
    }

    /** A breached clock that ends as {@code reassigned}, and the new owner's clock that follows it. */
    record Handover(UUID clockId, UUID newClockId, UUID leadId, String newOwner, Instant warnAt, Instant dueAt,
            Instant escalateAt) {
    }

    /** The breaching clocks' revisions; served by the primary keys of both tables. */
    static final String BREACHING = "select c.id, c.policy_id, c.policy_revision, c.calendar_key, c.escalate_at, "
            + "r.milestones from sla_clocks c join sla_policy_revisions r on r.policy_id = c.policy_id "
            + "and r.revision = c.policy_revision where c.id = any($1)";

    /** The owners of the leads' clocks, newest clock first; served by {@code sla_clocks_lead}. */
    static final String OWNER_HISTORY = "select lead_id, owner_id from sla_clocks where lead_id = any($1) "
            + "and owner_id is not null order by lead_id, created_at desc, id desc";

    /** Live clocks per owner (least_loaded); served by {@code sla_clocks_owner}. */
    static final String LIVE_LOADS = "select owner_id, count(*) as n from sla_clocks where owner_id = any($1) "
            + "and status in ('running', 'breached', 'paused') group by owner_id";

    Uni<List<Breaching>> breaching(SqlConnection conn, UUID[] ids) {
        return conn.preparedQuery(BREACHING).execute(Tuple.of((Object) ids)).map(rows -> {
            List<Breaching> out = new ArrayList<>();
            for (Row r : rows) {
                OffsetDateTime esc = r.getOffsetDateTime("escalate_at");
                out.add(new Breaching(r.getUUID("id"), r.getUUID("policy_id"), r.getInteger("policy_revision"),
                        r.getString("calendar_key"), esc == null ? null : esc.toInstant(), r.getString("milestones")));
            }
            return out;
        });
    }

    /** Each lead's owners, newest clock first (repeats included). */
    Uni<java.util.Map<UUID, List<String>>> ownerHistory(SqlConnection conn, UUID[] leadIds) {
        return conn.preparedQuery(OWNER_HISTORY).execute(Tuple.of((Object) leadIds)).map(rows -> {
            java.util.Map<UUID, List<String>> out = new java.util.HashMap<>();
            for (Row r : rows) {
                out.computeIfAbsent(r.getUUID("lead_id"), k -> new ArrayList<>()).add(r.getString("owner_id"));
            }
            return out;
        });
    }

    Uni<java.util.Map<String, Integer>> liveLoads(SqlConnection conn, String[] owners) {
        return conn.preparedQuery(LIVE_LOADS).execute(Tuple.of((Object) owners)).map(rows -> {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            for (Row r : rows) {
                out.put(r.getString("owner_id"), r.getLong("n").intValue());
            }
            return out;
        });
    }

    /**
     * Ends the breached clocks as {@code reassigned} (breached now, to the new owner, no further checks), starts the
     * new owners' clocks as copies with their own deadlines, and moves the leads' other live clocks that nobody else
     * holds to the new owner, with three statements.
     */
    Uni<Void> handOver(SqlConnection conn, Instant now, List<Handover> handovers) {
        int n = handovers.size();
        UUID[] ids = new UUID[n];
        UUID[] newIds = new UUID[n];
        UUID[] leads = new UUID[n];
        String[] owners = new String[n];
        OffsetDateTime[] warn = new OffsetDateTime[n];
        OffsetDateTime[] due = new OffsetDateTime[n];
        OffsetDateTime[] esc = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Handover h = handovers.get(i);
            ids[i] = h.clockId();
            newIds[i] = h.newClockId();
            leads[i] = h.leadId();
            owners[i] = h.newOwner();
            warn[i] = utc(h.warnAt());
            due[i] = utc(h.dueAt());
            esc[i] = utc(h.escalateAt());
        }
        OffsetDateTime at = utc(now);
        return conn.preparedQuery("update sla_clocks c set status = 'reassigned', breached_at = coalesce(c.breached_at, $3), "
                        + "reassigned_to = x.owner, reassigned_at = $3, next_check_at = null "
                        + "from unnest($1::uuid[], $2::text[]) as x(id, owner) where c.id = x.id")
                .execute(Tuple.of(ids, owners, at))
                .chain(() -> conn.preparedQuery("insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, "
                                + "tier, policy_id, policy_key, policy_revision, calendar_key, milestone, target, attempts, "
                                + "status, started_at, warn_at, due_at, escalate_at, late, created_at, previous_clock_id, cycle) "
                                + "select x.new_id, c.lead_id, c.handoff_id, x.owner, c.team_key, c.tier, c.policy_id, "
                                + "c.policy_key, c.policy_revision, c.calendar_key, c.milestone, c.target, c.attempts, "
                                + "'running', $3, x.warn, x.due, x.esc, false, $3, c.id, c.cycle "
                                + "from unnest($1::uuid[], $2::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], "
                                + "$7::timestamptz[]) with ordinality as x(id, new_id, owner, warn, due, esc, ord) "
                                + "join sla_clocks c on c.id = x.id order by x.ord")
                        .execute(Tuple.from(java.util.Arrays.asList(ids, newIds, at, owners, warn, due, esc))))
                .chain(() -> conn.preparedQuery("update sla_clocks c set owner_id = x.owner "
                                + "from unnest($1::uuid[], $2::text[]) as x(lead, owner) "
                                + "where c.id in (select o.id from sla_clocks o where o.lead_id = any($1) "
                                + "and o.status in ('running', 'breached', 'paused') and o.id <> all($3) for update skip locked) "
                                + "and c.lead_id = x.lead and c.owner_id is distinct from x.owner")
                        .execute(Tuple.of(leads, owners, newIds)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
