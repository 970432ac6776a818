package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.alert.EventDraft;
import io.accord.alert.EventLog;
import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarService;
import io.accord.lead.LeadOwnership;
import io.accord.people.AssigneePicker;
import io.accord.people.PeopleDirectory;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reassignment on breach, inside the breach detector's transaction. For the clocks of a batch that breach now and
 * whose milestone says {@code onBreach.reassign}: lock their leads (skipping those another transaction holds: their
 * clocks are left for the next round), lock each pool's round-robin row, pick the next available member
 * ({@link AssigneePicker}), and then, in the same transaction, end the breached clock as {@code reassigned}, start the
 * new owner's clock with the same policy revision, change the lead's owner, optionally mark the previous owner
 * absent, move the pool's rotation, and append a {@code lead.reassigned} event per lead. Whatever replica does it, a
 * clock is claimed by one transaction, so each breach is reassigned once.
 */
@ApplicationScoped
public class Reassigner {

    /** The scheduled statements a reassignment adds to the detector's round (checked by ScheduledQueryPlansTest). */
    public static final String BREACHING = ClockBatchStore.BREACHING;
    public static final String OWNER_HISTORY = ClockBatchStore.OWNER_HISTORY;
    public static final String LIVE_LOADS = ClockBatchStore.LIVE_LOADS;

    /** Who the lead's timeline and the absences name as the actor. */
    static final String ACTOR = PeopleDirectory.SLA_ACTOR;
    static final String EVENT = "lead.reassigned";

    /** What happens to one breaching clock. {@code newOwner} null: nobody was available, the clock stays breached. */
    record Decision(UUID clockId, UUID leadId, String previousOwner, String newOwner, String pool, String strategy,
            UUID newClockId, Instant warnAt, Instant dueAt, Instant escalateAt, Duration markFor, String teamKey,
            String tier, String milestone, String policyKey, Integer policyRevision, String reason) {

        boolean reassigned() {
            return newOwner != null;
        }

        /** The breach alert's {@code details.reassignment}. */
        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("status", reassigned() ? "reassigned" : reason);
            d.put("from", previousOwner);
            d.put("to", newOwner);
            d.put("pool", pool);
            d.put("strategy", strategy);
            if (reassigned()) {
                d.put("newClockId", newClockId.toString());
                d.put("newDueAt", dueAt.toString());
            }
            return d;
        }
    }

    /** A batch's reassignments, and the clocks left for the next round because their lead was busy. */
    record Plan(Set<UUID> deferred, Map<UUID, Decision> decisions) {

        static final Plan NONE = new Plan(Set.of(), Map.of());

        Decision decision(UUID clockId) {
            return decisions.get(clockId);
        }
    }

    private record RevisionKey(UUID policyId, int revision) {
    }

    private final ClockBatchStore store;
    private final LeadOwnership leads;
    private final PeopleDirectory people;
    private final CalendarService calendars;
    private final EventLog events;
    private final ObjectMapper json;
    /** Revisions are immutable, so what their milestones do on breach is read once. */
    private final Map<RevisionKey, Map<String, MilestoneTarget>> revisions = new ConcurrentHashMap<>();

    Reassigner(ClockBatchStore store, LeadOwnership leads, PeopleDirectory people, CalendarService calendars,
            EventLog events, ObjectMapper json) {
        this.store = store;
        this.leads = leads;
        this.people = people;
        this.calendars = calendars;
        this.events = events;
        this.json = json;
    }

    /** Decides the reassignments of the claimed rows that breach at {@code now}; reads and locks, writes nothing. */
    Uni<Plan> plan(SqlConnection conn, Instant now, List<Row> rows) {
        Map<UUID, Row> breaching = new LinkedHashMap<>();
        for (Row r : rows) {
            if ("running".equals(r.getString("status")) && !r.getOffsetDateTime("due_at").toInstant().isAfter(now)) {
                breaching.put(r.getUUID("id"), r);
            }
        }
        if (breaching.isEmpty()) {
            return Uni.createFrom().item(Plan.NONE);
        }
        return store.breaching(conn, breaching.keySet().toArray(UUID[]::new)).chain(found -> {
            Map<UUID, ClockBatchStore.Breaching> refs = new HashMap<>();
            Map<UUID, MilestoneTarget> targets = new HashMap<>();
            for (ClockBatchStore.Breaching b : found) {
                MilestoneTarget t = revision(b).get(breaching.get(b.id()).getString("milestone"));
                if (t != null && t.onBreach() != null) {
                    refs.put(b.id(), b);
                    targets.put(b.id(), t);
                }
            }
            if (refs.isEmpty()) {
                return Uni.createFrom().item(Plan.NONE);
            }
            List<UUID> leadIds = refs.keySet().stream().map(id -> breaching.get(id).getUUID("lead_id")).distinct()
                    .sorted().toList();
            return leads.lock(conn, leadIds).chain(locked -> {
                Set<UUID> deferred = new HashSet<>();
                List<Row> work = new ArrayList<>();
                for (UUID id : refs.keySet()) {
                    Row r = breaching.get(id);
                    if (locked.contains(r.getUUID("lead_id"))) {
                        work.add(r);
                    } else {
                        deferred.add(id);
                    }
                }
                if (work.isEmpty()) {
                    return Uni.createFrom().item(new Plan(deferred, Map.of()));
                }
                work.sort(Comparator.comparing((Row r) -> r.getOffsetDateTime("due_at")).thenComparing(r -> r.getUUID("id")));
                return context(conn, now, work, refs, targets).map(ctx -> decide(now, work, refs, targets, ctx, deferred));
            });
        });
    }

    /** What the decisions read: owner histories, the pools (locked), loads and calendars. */
    private record Context(Map<UUID, List<String>> history, Map<String, PeopleDirectory.Pool> pools,
            Map<String, Integer> loads, Map<String, BusinessCalendar> calendars) {
    }

    private Uni<Context> context(SqlConnection conn, Instant now, List<Row> work, Map<UUID, ClockBatchStore.Breaching> refs,
            Map<UUID, MilestoneTarget> targets) {
        Set<String> poolKeys = new TreeSet<>();
        Set<String> calendarKeys = new TreeSet<>();
        boolean loadsNeeded = false;
        for (Row r : work) {
            BreachReassignment b = targets.get(r.getUUID("id")).onBreach();
            poolKeys.add(b.pool());
            calendarKeys.add(refs.get(r.getUUID("id")).calendarKey());
            loadsNeeded |= b.to() == AssigneePicker.Strategy.LEAST_LOADED;
        }
        boolean withLoads = loadsNeeded;
        UUID[] leadIds = work.stream().map(r -> r.getUUID("lead_id")).distinct().toArray(UUID[]::new);
        return store.ownerHistory(conn, leadIds).chain(history ->
                // One pool after the other, in key order, so that replicas lock pools in the same order.
                Multi.createFrom().iterable(poolKeys).onItem().transformToUniAndConcatenate(k -> people.lockPool(conn, k, now))
                        .collect().asMap(PeopleDirectory.Pool::teamKey)
                        .chain(pools -> {
                            Set<String> members = new TreeSet<>();
                            pools.values().forEach(p -> members.addAll(p.members().keySet()));
                            Uni<Map<String, Integer>> loads = withLoads && !members.isEmpty()
                                    ? store.liveLoads(conn, members.toArray(String[]::new))
                                    : Uni.createFrom().item(Map.of());
                            return loads.chain(l -> Multi.createFrom().iterable(calendarKeys)
                                    .onItem().transformToUniAndConcatenate(k -> calendars.calendar(conn, k)
                                            .map(c -> Map.entry(k, c == null ? NO_CALENDAR : c)))
                                    .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                                    .map(cals -> new Context(history, pools, new HashMap<>(l), cals)));
                        }));
    }

    /** Stands for a calendar that no longer exists (a policy's calendar cannot be deleted; kept for safety). */
    private static final BusinessCalendar NO_CALENDAR = new BusinessCalendar(java.time.ZoneOffset.UTC, List.of(), List.of());

    private Plan decide(Instant now, List<Row> work, Map<UUID, ClockBatchStore.Breaching> refs,
            Map<UUID, MilestoneTarget> targets, Context ctx, Set<UUID> deferred) {
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        Map<String, String> last = new HashMap<>();
        ctx.pools().forEach((k, p) -> last.put(k, p.last()));
        Set<String> markedAway = new HashSet<>();
        Map<UUID, String> leadOwner = new HashMap<>();
        for (Row r : work) {
            UUID id = r.getUUID("id");
            UUID leadId = r.getUUID("lead_id");
            MilestoneTarget target = targets.get(id);
            BreachReassignment b = target.onBreach();
            String previous = r.getString("owner_id");
            PeopleDirectory.Pool pool = ctx.pools().get(b.pool());
            String chosen = leadOwner.get(leadId);
            if (chosen == null) {
                Set<String> excluded = excluded(previous, ctx.history().getOrDefault(leadId, List.of()),
                        b.excludePrevious());
                chosen = AssigneePicker.pick(b.to(), pool.members().keySet(), last.get(b.pool()), excluded,
                        m -> !markedAway.contains(m) && pool.members().get(m).available(b.respectHours(), now),
                        ctx.loads()).orElse(null);
            }
            Instant warn = null;
            Instant due = null;
            Instant escalate = null;
            String reason = chosen == null ? "no_one_available" : null;
            if (chosen != null) {
                BusinessCalendar calendar = ctx.calendars().getOrDefault(refs.get(id).calendarKey(), NO_CALENDAR);
                try {
                    Instant oldEscalate = instant(r, "escalate_at");
                    if (b.clock() == BreachReassignment.ClockMode.REMAINING && oldEscalate != null && oldEscalate.isAfter(now)) {
                        due = oldEscalate;
                    } else {
                        MilestoneTarget.Deadlines d = target.deadlines(now, calendar::due);
                        warn = d.warnAt();
                        due = d.dueAt();
                        escalate = d.escalateAt();
                    }
                } catch (RuntimeException e) {
                    // No business time ahead on the policy's calendar: the clock stays breached.
                    chosen = null;
                    reason = "no_business_time";
                }
            }
            if (chosen != null) {
                leadOwner.put(leadId, chosen);
                last.put(b.pool(), chosen);
                ctx.loads().merge(chosen, 1, Integer::sum);
                if (previous != null) {
                    ctx.loads().merge(previous, -1, Integer::sum);
                }
                if (b.markOwnerUnavailableFor() != null && previous != null) {
                    markedAway.add(previous);
                }
            }
            decisions.put(id, new Decision(id, leadId, previous, chosen, b.pool(), b.to().wire(),
                    chosen == null ? null : UUID.randomUUID(), warn, due, escalate,
                    chosen == null ? null : b.markOwnerUnavailableFor(), r.getString("team_key"), r.getString("tier"),
                    r.getString("milestone"), r.getString("policy_key"), r.getInteger("policy_revision"), reason));
        }
        return new Plan(deferred, decisions);
    }

    /** The current owner and the lead's most recent other owners, {@code n} distinct ids in all. */
    static Set<String> excluded(String current, List<String> newestFirst, int n) {
        Set<String> out = new LinkedHashSet<>();
        if (current != null) {
            out.add(current);
        }
        for (String owner : newestFirst) {
            if (out.size() >= n) {
                break;
            }
            out.add(owner);
        }
        return out;
    }

    /** Writes the plan's reassignments: clocks, leads, absences and rotations. */
    Uni<Void> apply(SqlConnection conn, Instant now, Plan plan) {
        List<Decision> done = plan.decisions().values().stream().filter(Decision::reassigned).toList();
        if (done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ClockBatchStore.Handover> handovers = done.stream().map(d -> new ClockBatchStore.Handover(d.clockId(),
                d.newClockId(), d.leadId(), d.newOwner(), d.warnAt(), d.dueAt(), d.escalateAt())).toList();
        Map<UUID, LeadOwnership.NewOwner> owners = new LinkedHashMap<>();
        Map<String, Duration> away = new TreeMap<>();
        Map<String, String> rotations = new TreeMap<>();
        for (Decision d : done) {
            owners.putIfAbsent(d.leadId(), new LeadOwnership.NewOwner(d.leadId(), d.newOwner(), "Reassigned from "
                    + d.previousOwner() + " to " + d.newOwner() + " (" + d.strategy() + " in " + d.pool() + ") after the "
                    + d.milestone() + " SLA breached"));
            if (d.markFor() != null && d.previousOwner() != null) {
                away.merge(d.previousOwner(), d.markFor(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            rotations.put(d.pool(), d.newOwner());
        }
        return store.handOver(conn, now, handovers)
                .chain(() -> leads.reassign(conn, now, ACTOR, List.copyOf(owners.values())))
                .chain(() -> people.markUnavailable(conn, now, List.copyOf(away.keySet()), List.copyOf(away.values()),
                        "SLA breached"))
                .chain(() -> Multi.createFrom().iterable(rotations.entrySet())
                        .onItem().transformToUniAndConcatenate(e -> people.rotated(conn, e.getKey(), e.getValue(), now))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Appends one {@code lead.reassigned} event per reassigned clock (after the breach alerts' events). */
    Uni<Void> announce(SqlConnection conn, Instant now, Plan plan) {
        List<EventDraft> drafts = new ArrayList<>();
        for (Decision d : plan.decisions().values()) {
            if (!d.reassigned()) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("leadId", d.leadId().toString());
            data.put("previousOwnerId", d.previousOwner());
            data.put("ownerId", d.newOwner());
            data.put("teamKey", d.teamKey());
            data.put("pool", d.pool());
            data.put("strategy", d.strategy());
            data.put("reason", "sla.breached");
            data.put("milestone", d.milestone());
            data.put("policyKey", d.policyKey());
            data.put("policyRevision", d.policyRevision());
            data.put("clockId", d.clockId().toString());
            data.put("newClockId", d.newClockId().toString());
            data.put("newDueAt", d.dueAt().toString());
            data.put("at", now.toString());
            drafts.add(new EventDraft(EVENT, null, null, null, d.leadId(), d.newOwner(), d.teamKey(), d.tier(),
                    PolicyJson.write(data, json)));
        }
        return events.append(conn, now, drafts).replaceWithVoid();
    }

    private Map<String, MilestoneTarget> revision(ClockBatchStore.Breaching b) {
        return revisions.computeIfAbsent(new RevisionKey(b.policyId(), b.revision()), k -> {
            Map<String, MilestoneTarget> byKind = new HashMap<>();
            for (MilestoneTarget t : PolicyJson.milestones(b.milestones(), json)) {
                byKind.put(t.kind().wire(), t);
            }
            return byKind;
        });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
