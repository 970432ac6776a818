package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.Cursor;
import io.accord.common.Keyset;
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
                escalate_at, late, created_at)
            select id, lead_id, handoff_id, owner_id, team_key, tier, policy_id, policy_key, policy_revision,
                calendar_key, milestone, target, attempts, 'running', started_at, warn_at, due_at, escalate_at, false,
                created_at
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, lead_id uuid, handoff_id uuid, owner_id text,
                team_key text, tier text, policy_id uuid, policy_key text, policy_revision integer, calendar_key text,
                milestone text, target text, attempts integer, started_at timestamptz, warn_at timestamptz,
                due_at timestamptz, escalate_at timestamptz, created_at timestamptz)
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
            rows.add(row);
        }
        String payload = PolicyJson.write(rows, json);
        return getSession().chain(s -> s.createNativeQuery(INSERT).setParameter("rows", payload).executeUpdate())
                .replaceWithVoid();
    }

    /** The lead's clocks that can still be met (running, or breached and not yet met). */
    Uni<List<SlaClock>> live(UUID leadId) {
        return list("leadId = ?1 and status in ('running', 'breached')", leadId);
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
                        where lead_id = :lead and status in ('running', 'breached')""")
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
