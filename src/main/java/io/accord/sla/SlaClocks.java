package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.BusinessTime;
import io.accord.calendar.NoBusinessTimeException;
import io.accord.calendar.TimeRange;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.calendar.CalendarService;
import io.accord.lead.LeadClocks;
import io.accord.team.TeamService;
import io.accord.team.TeamSummary;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts, meets and cancels SLA clocks as leads move: the SLA side of the lead feature's port {@link LeadClocks},
 * which the lead feature calls inside the transaction of the lead's change, so a lead and its clocks always agree.
 * Selection is {@link PolicySelector}, deadlines come from the calendar engine ({@link CalendarService#deadline}),
 * meeting rules are {@link ClockRules}.
 */
@ApplicationScoped
public class SlaClocks implements LeadClocks {

    /** The clocks a policy would start: one entry per milestone. */
    public record Plan(CompiledPolicyRef policy, Instant startedAt, List<PlannedClock> clocks, boolean followsAbsences) {
    }

    /** A policy revision, as referenced by plans and clocks. */
    public record CompiledPolicyRef(UUID policyId, String key, int revision, String name, String calendarKey,
            String businessTime) {
    }

    public record PlannedClock(MilestoneTarget target, MilestoneTarget.Deadlines deadlines) {
    }

    private final SlaPolicyRepository policies;
    private final SlaPolicyRevisionRepository revisions;
    private final SlaClockRepository clocks;
    private final CalendarService calendars;
    private final ClockTimes times;
    private final TeamService teams;
    private final ObjectMapper json;
    private final Clock clock;

    public SlaClocks(SlaPolicyRepository policies, SlaPolicyRevisionRepository revisions, SlaClockRepository clocks,
            CalendarService calendars, ClockTimes times, TeamService teams, ObjectMapper json, Clock clock) {
        this.times = times;
        this.teams = teams;
        this.policies = policies;
        this.revisions = revisions;
        this.clocks = clocks;
        this.calendars = calendars;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts one clock per milestone of the selected policy for each hand-off; one result per hand-off, empty when no
     * enabled policy matches (the lead then has no clocks). All clocks are written with one statement.
     */
    @Override
    @WithTransaction
    public Uni<List<Optional<Started>>> handedOff(List<HandOff> handOffs) {
        if (handOffs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return plans(handOffs.stream().map(SlaClocks::facts).toList(),
                handOffs.stream().map(HandOff::at).toList(),
                handOffs.stream().map(HandOff::ownerId).toList()).chain(plans -> {
                    Instant now = now();
                    List<SlaClock> rows = new ArrayList<>();
                    List<Optional<Started>> applied = new ArrayList<>(handOffs.size());
                    for (int i = 0; i < handOffs.size(); i++) {
                        HandOff h = handOffs.get(i);
                        Optional<Plan> plan = plans.get(i);
                        if (plan.isEmpty()) {
                            applied.add(Optional.empty());
                            continue;
                        }
                        CompiledPolicyRef p = plan.get().policy();
                        for (PlannedClock planned : plan.get().clocks()) {
                            SlaClock c = clock(h, p, planned, now);
                            c.businessTime = p.businessTime();
                            c.followsAbsences = plan.get().followsAbsences();
                            rows.add(c);
                        }
                        applied.add(Optional.of(new Started(p.key(), p.revision(), plan.get().clocks().size())));
                    }
                    return clocks.insertAll(rows).replaceWith(applied);
                });
    }

    /** What {@link #handedOff} would do for a lead with these facts, handed off at {@code at}; stores nothing. */
    @WithTransaction
    public Uni<Optional<Plan>> plan(PolicySelector.Facts facts, Instant at) {
        return plans(List.of(facts), List.of(at), java.util.Collections.singletonList(null)).map(list -> list.get(0));
    }

    /** Meets and cancels the lead's live clocks as {@link ClockRules} says for a lifecycle event at {@code at}. */
    @Override
    @WithTransaction
    public Uni<Void> changed(UUID leadId, Change change, Instant at) {
        SlaEvent event = event(change);
        Set<String> met = ClockRules.metBy(event).stream().map(Milestone::wire).collect(Collectors.toSet());
        boolean cancels = ClockRules.cancels(event);
        Uni<Void> unpause = clocks.withStatus(leadId, "paused").chain(paused -> resumeAll(paused.stream()
                .filter(c -> cancels || met.contains(c.milestone)).toList(), at));
        Uni<Integer> meet = met.isEmpty() ? Uni.createFrom().item(0) : clocks.meet(leadId, met, at);
        return unpause.chain(() -> meet)
                .chain(n -> cancels ? clocks.cancel(leadId, at) : Uni.createFrom().item(0))
                .replaceWithVoid();
    }

    /**
     * Re-checks the lead's live touch clocks against its touches' times (all of them, or at least those since the
     * current hand-off): first_touch and attempts clocks whose touch has now happened are met at that touch's time.
     */
    @Override
    @WithTransaction
    public Uni<Void> touchesChanged(UUID leadId, List<Instant> touchTimes) {
        return clocks.live(leadId).chain(live -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SlaClock c : live) {
                Milestone m = Milestone.parse(c.milestone).orElseThrow();
                Optional<Instant> metAt = ClockRules.metByTouches(m, c.attempts, c.startedAt, touchTimes);
                if (metAt.isPresent()) {
                    // A paused clock is met as it stood then: its pauses end there, its deadlines move by them.
                    Uni<Void> unpause = c.status.equals("paused") ? resume(c, metAt.get()) : Uni.createFrom().voidItem();
                    chain = chain.chain(() -> unpause).chain(() -> clocks.meetClock(c.id, metAt.get()).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    /** The lead's owner or team changed: its live clocks follow. */
    @Override
    @WithTransaction
    public Uni<Void> reassigned(UUID leadId, String ownerId, String teamKey) {
        return clocks.reassign(leadId, ownerId, teamKey).replaceWithVoid();
    }

    @Override
    @WithTransaction
    public Uni<Held> held(UUID leadId, Hold hold) {
        return clocks.withStatus(leadId, "paused")
                .chain(paused -> resumeAll(paused.stream().filter(c -> c.resumeAt != null
                        && !c.resumeAt.isAfter(hold.since())).toList(), null))
                .chain(() -> clocks.withStatus(leadId, "running"))
                .chain(running -> targets(running).chain(targets -> {
                    List<UUID> holdable = running.stream()
                            .filter(c -> targets.get(c.id).map(MilestoneTarget::holdable).orElse(true))
                            .map(c -> c.id).toList();
                    return clocks.pause(holdable, hold.reason(), hold.since(), hold.until())
                            .replaceWith(new Held(holdable.size(), running.size() - holdable.size()));
                }));
    }

    @Override
    @WithTransaction
    public Uni<Integer> resumed(UUID leadId, Instant at) {
        return clocks.withStatus(leadId, "paused").chain(paused -> resumeAll(paused, at).replaceWith(paused.size()));
    }

    @Override
    @WithTransaction
    public Uni<Optional<Integer>> inbound(Inbound message) {
        String kind = Milestone.NEXT_RESPONSE.wire();
        return clocks.anyOfHandOff(message.leadId(), message.handoffId()).chain(any -> {
            if (any == null) {
                return Uni.createFrom().item(Optional.<Integer>empty());
            }
            return target(any.policyId, any.policyRevision, Milestone.NEXT_RESPONSE).chain(target -> {
                if (target.isEmpty()) {
                    return Uni.createFrom().item(Optional.<Integer>empty());
                }
                return clocks.live(message.leadId()).chain(live -> {
                    if (live.stream().anyMatch(c -> c.milestone.equals(kind))) {
                        return Uni.createFrom().item(Optional.<Integer>empty());
                    }
                    return clocks.lastCycle(message.leadId(), message.handoffId(), kind)
                            .chain(last -> times.load(new ClockTimes.Basis(any.calendarKey, any.businessTime,
                                    message.ownerId(), any.followsAbsences, message.at()))
                                    .chain(time -> startCycle(message, any, target.get(), time, last + 1)));
                });
            });
        });
    }

    /** Inserts cycle {@code cycle}; met at once by a touch already at or after its start, paused if the lead is held. */
    private Uni<Optional<Integer>> startCycle(Inbound message, SlaClock policyOf, MilestoneTarget target,
            BusinessTime time, int cycle) {
        SlaClock c = new SlaClock();
        c.id = UUID.randomUUID();
        c.leadId = message.leadId();
        c.handoffId = message.handoffId();
        c.ownerId = message.ownerId();
        c.teamKey = message.teamKey();
        c.tier = message.tier();
        c.policyId = policyOf.policyId;
        c.policyKey = policyOf.policyKey;
        c.policyRevision = policyOf.policyRevision;
        c.calendarKey = policyOf.calendarKey;
        c.milestone = target.kind().wire();
        c.target = target.target().toString();
        c.attempts = target.attempts();
        c.status = "running";
        c.startedAt = message.at();
        c.cycle = cycle;
        c.businessTime = policyOf.businessTime;
        c.followsAbsences = policyOf.followsAbsences;
        MilestoneTarget.Deadlines d = target.deadlines(message.at(), (s, dur) -> deadline(time, s, dur));
        c.warnAt = d.warnAt();
        c.dueAt = d.dueAt();
        c.escalateAt = d.escalateAt();
        c.createdAt = now();
        Optional<Instant> metAt = ClockRules.metByTouches(target.kind(), target.attempts(), c.startedAt,
                message.touchTimes());
        Uni<Void> after;
        if (metAt.isPresent()) {
            after = clocks.meetClock(c.id, metAt.get()).replaceWithVoid();
        } else if (message.hold() != null && target.holdable()) {
            Instant since = message.hold().since().isAfter(c.startedAt) ? message.hold().since() : c.startedAt;
            after = clocks.pause(List.of(c.id), message.hold().reason(), since, message.hold().until());
        } else {
            after = Uni.createFrom().voidItem();
        }
        return clocks.insertAll(List.of(c)).chain(() -> after).replaceWith(Optional.of(cycle));
    }

    /**
     * Resumes paused clocks one after the other; each at {@code at}, or (null) at its own {@code resumeAt}: a hold
     * whose end has come.
     */
    private Uni<Void> resumeAll(List<SlaClock> paused, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SlaClock c : paused) {
            chain = chain.chain(() -> resume(c, at != null ? at : c.resumeAt));
        }
        return chain;
    }

    /** Ends a paused clock's pause at {@code at} and moves its deadlines by the paused business time. */
    private Uni<Void> resume(SlaClock c, Instant at) {
        return clocks.pausesOf(c.id).chain(pauses -> target(c.policyId, c.policyRevision,
                        Milestone.parse(c.milestone).orElseThrow())
                .chain(target -> times.load(ClockTimes.Basis.of(c)).map(time -> resumption(time, target, c, pauses, at))))
                .chain(r -> clocks.resume(c.id, r));
    }

    /**
     * The resumption of a paused clock (the pure rule, {@link ClockPauses#resume}); without its milestone (an unknown
     * revision) or business time ahead, its deadlines stay and only the pauses close.
     */
    static ClockPauses.Resumption resumption(BusinessTime time, Optional<MilestoneTarget> target,
            SlaClock c, List<ClockPauses.Pause> pauses, Instant at) {
        MilestoneTarget.Deadlines kept = new MilestoneTarget.Deadlines(c.warnAt, c.dueAt, c.escalateAt);
        if (target.isPresent()) {
            try {
                return ClockPauses.resume(time, target.get(), c.startedAt, pauses, at);
            } catch (NoBusinessTimeException e) {
                // fall through: keep the deadlines
            }
        }
        List<TimeRange> ranges = ClockPauses.ranges(pauses, at);
        return new ClockPauses.Resumption(at, kept, ranges.size(), ClockPauses.pausedBusinessTime(time, ranges),
                ClockPauses.pausedWallTime(ranges));
    }

    /** The milestone of a clock's policy revision, as it was when the clock started. */
    private Uni<Optional<MilestoneTarget>> target(UUID policyId, int revision, Milestone kind) {
        return revisions.find(policyId, revision).map(r -> r == null ? Optional.<MilestoneTarget>empty()
                : PolicyJson.milestones(r.milestones, json).stream().filter(m -> m.kind() == kind).findFirst());
    }

    /** Each clock's milestone, loading each policy revision once. */
    private Uni<Map<UUID, Optional<MilestoneTarget>>> targets(List<SlaClock> list) {
        Map<String, List<MilestoneTarget>> byRevision = new HashMap<>();
        Uni<Void> load = Uni.createFrom().voidItem();
        for (SlaClock c : list) {
            String key = c.policyId + "/" + c.policyRevision;
            load = load.chain(() -> byRevision.containsKey(key) ? Uni.createFrom().voidItem()
                    : revisions.find(c.policyId, c.policyRevision).invoke(r -> byRevision.put(key,
                            r == null ? List.of() : PolicyJson.milestones(r.milestones, json))).replaceWithVoid());
        }
        return load.map(v -> {
            Map<UUID, Optional<MilestoneTarget>> targets = new HashMap<>();
            for (SlaClock c : list) {
                Milestone kind = Milestone.parse(c.milestone).orElseThrow();
                targets.put(c.id, byRevision.get(c.policyId + "/" + c.policyRevision).stream()
                        .filter(m -> m.kind() == kind).findFirst());
            }
            return targets;
        });
    }

    private static Instant deadline(BusinessTime time, Instant start, Duration d) {
        try {
            return time.due(start, d);
        } catch (NoBusinessTimeException e) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE,
                    "The calendar has no business time within 10 years of " + start);
        }
    }

    /** Selection and deadlines for several leads with one read of the enabled policies and each calendar once. */
    private Uni<List<Optional<Plan>>> plans(List<PolicySelector.Facts> facts, List<Instant> starts,
            List<String> owners) {
        return policies.enabled().chain(rows -> {
            Map<String, CompiledPolicy> byKey = rows.stream().map(p -> PolicyJson.compile(p, json))
                    .collect(Collectors.toMap(CompiledPolicy::key, Function.identity()));
            List<PolicySelector.Candidate> candidates = byKey.values().stream().map(CompiledPolicy::candidate).toList();
            List<Optional<CompiledPolicy>> chosen = facts.stream()
                    .map(f -> PolicySelector.select(candidates, f).map(c -> byKey.get(c.key()))).toList();
            Set<String> calendarKeys = new LinkedHashSet<>();
            chosen.forEach(c -> c.ifPresent(p -> calendarKeys.add(p.calendarKey())));
            Set<String> teamKeys = new LinkedHashSet<>();
            for (int i = 0; i < chosen.size(); i++) {
                if (chosen.get(i).isPresent() && facts.get(i).teamKey() != null && owners.get(i) != null) {
                    teamKeys.add(facts.get(i).teamKey());
                }
            }
            Uni<Map<String, TeamSummary>> teamsOf = teamKeys.isEmpty() ? Uni.createFrom().item(Map.of())
                    : teams.summaries(teamKeys);
            return teamsOf.chain(teamByKey -> calendars(calendarKeys).chain(cals -> {
                List<Optional<Plan>> plans = new ArrayList<>(chosen.size());
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (int i = 0; i < chosen.size(); i++) {
                    Instant start = starts.get(i);
                    Optional<CompiledPolicy> chosenPolicy = chosen.get(i);
                    String owner = owners.get(i);
                    TeamSummary team = facts.get(i).teamKey() == null ? null : teamByKey.get(facts.get(i).teamKey());
                    boolean follows = owner != null && team != null && "pause".equals(team.ownerAbsence());
                    if (chosenPolicy.isEmpty()) {
                        chain = chain.invoke(() -> plans.add(Optional.empty()));
                        continue;
                    }
                    CompiledPolicy p = chosenPolicy.get();
                    BusinessCalendar calendar = cals.get(p.calendarKey());
                    if (owner == null || (!ClockCalendars.needsOwner(p.businessTime()) && !follows)) {
                        chain = chain.invoke(() -> plans.add(Optional.of(plan(p, calendar, start, false))));
                    } else {
                        ClockTimes.Basis basis = new ClockTimes.Basis(p.calendarKey(), p.businessTime(), owner, follows,
                                start);
                        chain = chain.chain(() -> times.withOwner(calendar, basis)
                                .invoke(time -> plans.add(Optional.of(plan(p, time, start, follows)))).replaceWithVoid());
                    }
                }
                return chain.replaceWith(plans);
            }));
        });
    }

    private static Plan plan(CompiledPolicy p, BusinessTime time, Instant start, boolean followsAbsences) {
        List<PlannedClock> planned = p.milestones().stream().filter(m -> m.kind().startsAtHandOff())
                .map(m -> new PlannedClock(m, m.deadlines(start, (s, d) -> deadline(time, s, d))))
                .toList();
        return new Plan(new CompiledPolicyRef(p.policyId(), p.key(), p.revision(), p.name(), p.calendarKey(),
                p.businessTime()), start, planned, followsAbsences);
    }

    /** The compiled calendars, loaded one after the other (a session runs one query at a time). */
    private Uni<Map<String, BusinessCalendar>> calendars(Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(k -> calendars.calendar(k).map(c -> Map.entry(k, c)))
                .collect().in(HashMap::new, (map, e) -> map.put(e.getKey(), e.getValue()));
    }

    private static PolicySelector.Facts facts(HandOff h) {
        return new PolicySelector.Facts(h.tier(), h.icpKey(), h.source(), h.country(), h.teamKey());
    }

    private static SlaEvent event(Change change) {
        return switch (change) {
            case ACCEPTED -> SlaEvent.ACCEPTED;
            case REJECTED -> SlaEvent.REJECTED;
            case QUALIFIED -> SlaEvent.QUALIFIED;
            case CLOSED -> SlaEvent.CLOSED;
            case RECYCLED -> SlaEvent.RECYCLED;
        };
    }

    private static SlaClock clock(HandOff h, CompiledPolicyRef p, PlannedClock planned, Instant now) {
        SlaClock c = new SlaClock();
        c.id = UUID.randomUUID();
        c.leadId = h.leadId();
        c.handoffId = h.handoffId();
        c.ownerId = h.ownerId();
        c.teamKey = h.teamKey();
        c.tier = h.tier();
        c.policyId = p.policyId();
        c.policyKey = p.key();
        c.policyRevision = p.revision();
        c.calendarKey = p.calendarKey();
        c.milestone = planned.target().kind().wire();
        c.target = planned.target().target().toString();
        c.attempts = planned.target().attempts();
        c.status = "running";
        c.startedAt = h.at();
        c.warnAt = planned.deadlines().warnAt();
        c.dueAt = planned.deadlines().dueAt();
        c.escalateAt = planned.deadlines().escalateAt();
        c.createdAt = now;
        return c;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
