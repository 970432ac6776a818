package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.Cursor;
import io.accord.common.Keyset;
import io.accord.common.NativeRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    /** Filters of the clock board; any may be null. */
    record BoardFilter(String status, Instant dueBefore, String ownerId, String teamKey, String milestone) {
    }

    private static final String INSERT = """
            insert into sla_clocks (id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key,
                policy_revision, calendar_key, milestone, target, attempts, status, started_at, warn_at, due_at,
                escalate_at, late, created_at, cycle, business_time, follows_absences)
            select id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, policy_revision,
                calendar_key, milestone, target, attempts, 'running', started_at, warn_at, due_at, escalate_at, false,
                created_at, cycle, business_time, follows_absences
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, lead_id uuid, handoff_id uuid, owner_id text,
                team_key text, tier text, policy_id uuid, policy_key text, policy_revision integer, calendar_key text,
                milestone text, target text, attempts integer, started_at timestamptz, warn_at timestamptz,
                due_at timestamptz, escalate_at timestamptz, created_at timestamptz, cycle integer,
                business_time text, follows_absences boolean)
            order by lead_id, milestone
            """;

    private final ObjectMapper json;

    SlaClockRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts new running clocks with one statement. */
    Uni<Void> insertAll(List<SlaClock> clocks) {
        if (clocks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>(clocks.size());
        for (SlaClock c : clocks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id);
            row.put("lead_id", c.leadId);
            row.put("handoff_id", c.handoffId);
            row.put("owner_id", c.ownerId);
            row.put("team_key", c.teamKey);
            row.put("tier", c.tier);
            row.put("policy_id", c.policyId);
            row.put("policy_key", c.policyKey);
            row.put("policy_revision", c.policyRevision);
            row.put("calendar_key", c.calendarKey);
            row.put("milestone", c.milestone);
            row.put("target", c.target);
            row.put("attempts", c.attempts);
            row.put("started_at", c.startedAt);
            row.put("warn_at", c.warnAt);
            row.put("due_at", c.dueAt);
            row.put("escalate_at", c.escalateAt);
            row.put("created_at", c.createdAt);
            row.put("cycle", c.cycle);
            row.put("business_time", c.businessTime);
            row.put("follows_absences", c.followsAbsences);
            rows.add(row);
        }
        String payload = PolicyJson.write(rows, json);
        return getSession().chain(s -> s.createNativeQuery(INSERT).setParameter("rows", payload).executeUpdate())
                .replaceWithVoid();
    }

    /** The lead's clocks that can still be met (running, paused, or breached and not yet met). */
    Uni<List<SlaClock>> live(UUID leadId) {
        return list("leadId = ?1 and status in ('running', 'breached', 'paused')", leadId);
    }

    /** The lead's clocks in one status (served by sla_clocks_lead). */
    Uni<List<SlaClock>> withStatus(UUID leadId, String status) {
        return list("leadId = ?1 and status = ?2", leadId, status);
    }

    /** One clock of a hand-off (any), to learn its policy revision; null when the hand-off started none. */
    Uni<SlaClock> anyOfHandOff(UUID leadId, UUID handoffId) {
        return find("leadId = ?1 and handoffId = ?2 order by createdAt, id", leadId, handoffId).firstResult();
    }

    /** The highest cycle of the hand-off's clocks of a milestone; 0 when there is none. */
    Uni<Integer> lastCycle(UUID leadId, UUID handoffId, String milestone) {
        return find("select coalesce(max(cycle), 0) from SlaClock where leadId = ?1 and handoffId = ?2 and milestone = ?3",
                leadId, handoffId, milestone).project(Integer.class).firstResult();
    }

    /** Pauses running clocks: one open pause each, status paused, no detector check until resumed. */
    Uni<Void> pause(List<UUID> clockIds, String reason, Instant since, Instant until) {
        if (clockIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into sla_clock_pauses (clock_id, started_at, ended_at, until, reason)
                        select id, :since, null, cast(:until as timestamptz), :reason from sla_clocks
                        where id in (:ids) and status = 'running'""")
                        .setParameter("since", since).setParameter("until", until).setParameter("reason", reason)
                        .setParameter("ids", clockIds).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        update sla_clocks set status = 'paused', resume_at = cast(:until as timestamptz),
                            next_check_at = null
                        where id in (:ids) and status = 'running'""")
                        .setParameter("until", until).setParameter("ids", clockIds).executeUpdate()))
                .replaceWithVoid();
    }

    /** A clock's pauses, oldest first (primary key). */
    Uni<List<ClockPauses.Pause>> pausesOf(UUID clockId) {
        return pausesOf(List.of(clockId)).map(m -> m.getOrDefault(clockId, List.of()));
    }

    /** The pauses of several clocks, oldest first per clock. */
    Uni<Map<UUID, List<ClockPauses.Pause>>> pausesOf(Collection<UUID> clockIds) {
        if (clockIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        select clock_id, started_at, ended_at, until, reason from sla_clock_pauses
                        where clock_id in (:ids) order by clock_id, started_at""", Object[].class)
                .setParameter("ids", clockIds).getResultList())
                .map(rows -> {
                    Map<UUID, List<ClockPauses.Pause>> byClock = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byClock.computeIfAbsent(NativeRows.uuid(r[0]), k -> new ArrayList<>())
                                .add(new ClockPauses.Pause(NativeRows.instant(r[1]), NativeRows.instant(r[2]),
                                        NativeRows.instant(r[3]), NativeRows.string(r[4])));
                    }
                    return byClock;
                });
    }

    /**
     * Resumes a paused clock as {@code r} says: its open pause ends at {@code r.end()} (pauses starting at or after
     * it are dropped: they paused nothing), its deadlines and pause totals are replaced, and the detector checks it
     * next at {@code r.nextCheck()}.
     */
    Uni<Void> resume(UUID clockId, ClockPauses.Resumption r) {
        return getSession().chain(s -> s.createNativeQuery("""
                        delete from sla_clock_pauses where clock_id = :id and started_at >= :end""")
                        .setParameter("id", clockId).setParameter("end", r.end()).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        update sla_clock_pauses set ended_at = least(coalesce(until, :end), :end)
                        where clock_id = :id and ended_at is null""")
                        .setParameter("id", clockId).setParameter("end", r.end()).executeUpdate())
                .chain(() -> s.createNativeQuery("""
                        update sla_clocks set status = 'running', resume_at = null, warn_at = cast(:warn as timestamptz),
                            due_at = :due, escalate_at = cast(:escalate as timestamptz), pauses = :pauses, paused_seconds = :business,
                            paused_wall_seconds = :wall,
                            next_check_at = case when warning_raised_at is null and cast(:warn as timestamptz) is not null
                                then cast(:warn as timestamptz) else cast(:due as timestamptz) end
                        where id = :id and status = 'paused'""")
                        .setParameter("warn", r.deadlines().warnAt()).setParameter("due", r.deadlines().dueAt())
                        .setParameter("escalate", r.deadlines().escalateAt()).setParameter("pauses", r.pauses())
                        .setParameter("business", r.pausedBusiness().getSeconds())
                        .setParameter("wall", r.pausedWall().getSeconds()).setParameter("id", clockId)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Meets the lead's live clocks of these milestones at {@code at}; late when {@code at} is after the due date. */
    Uni<Integer> meet(UUID leadId, Collection<String> milestones, Instant at) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update sla_clocks set status = 'met', met_at = :at, late = (due_at < :at)
                        where lead_id = :lead and milestone in (:milestones) and status in ('running', 'breached')""")
                .setParameter("at", at).setParameter("lead", leadId).setParameter("milestones", milestones)
                .executeUpdate());
    }

    /** Meets one live clock at {@code metAt}. */
    Uni<Integer> meetClock(UUID clockId, Instant metAt) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update sla_clocks set status = 'met', met_at = :at, late = (due_at < :at)
                        where id = :id and status in ('running', 'breached')""")
                .setParameter("at", metAt).setParameter("id", clockId).executeUpdate());
    }

    /** Cancels the lead's live clocks (a breached clock keeps its breached_at). */
    Uni<Integer> cancel(UUID leadId, Instant at) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update sla_clocks set status = 'cancelled', cancelled_at = :at
                        where lead_id = :lead and status in ('running', 'breached')""")
                .setParameter("at", at).setParameter("lead", leadId).executeUpdate());
    }

    /** The owner and team of live clocks follow the lead's; met and cancelled clocks keep who had them. */
    Uni<Integer> reassign(UUID leadId, String ownerId, String teamKey) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update sla_clocks set owner_id = :owner, team_key = :team
                        where lead_id = :lead and status in ('running', 'breached', 'paused')""")
                .setParameter("owner", ownerId).setParameter("team", teamKey).setParameter("lead", leadId)
                .executeUpdate());
    }

    /** All clocks of a lead, oldest hand-off first (index sla_clocks_lead). */
    Uni<List<SlaClock>> forLead(UUID leadId) {
        return list("leadId = ?1 order by createdAt, id", leadId);
    }

    /** A page of the board, by due date then id. */
    Uni<List<SlaClock>> board(BoardFilter filter, Cursor after, int fetchSize) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.dueBefore() != null) {
            q.append(" and dueAt < :dueBefore");
            params.and("dueBefore", filter.dueBefore());
        }
        if (filter.ownerId() != null) {
            q.append(" and ownerId = :owner");
            params.and("owner", filter.ownerId());
        }
        if (filter.teamKey() != null) {
            q.append(" and teamKey = :team");
            params.and("team", filter.teamKey());
        }
        if (filter.milestone() != null) {
            q.append(" and milestone = :milestone");
            params.and("milestone", filter.milestone());
        }
        if (after != null) {
            // The cursor's time is the last clock's dueAt: this list is ordered by due date.
            q.append(" and ").append(Keyset.hql("dueAt", "id"));
            Keyset.bind(params, after);
        }
        return find(q + " order by dueAt, id", params).range(0, fetchSize - 1).list();
    }
}
