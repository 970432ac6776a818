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
            + "and a.status = 'resolved') as breach_resolved "
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
            + "warn_at, due_at, escalate_at, resume_at from sla_clocks "
            + "where status = 'paused' and resume_at <= $1 order by resume_at limit $2 for update skip locked";

    /** A paused clock whose hold ends by itself. */
    record DueHold(UUID id, Instant startedAt, String calendarKey, UUID policyId, int policyRevision, String milestone,
            Instant warnAt, Instant dueAt, Instant escalateAt, Instant resumeAt) {
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
                        instant(r, "resume_at")));
            }
            return list;
        });
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

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
