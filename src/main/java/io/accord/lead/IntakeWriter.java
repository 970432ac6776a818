package io.accord.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.common.FieldError;
import io.accord.common.ProblemKind;
import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.Status;
import io.accord.team.TeamService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The write half of intake, in the caller's transaction: checks the items' teams, upserts them with their fit
 * ({@link LeadIntakeRepository}), then starts the SLA clocks ({@link LeadClocks}) of the leads the write handed off
 * and appends their hand-off events. An item that cannot be written fails alone.
 */
@ApplicationScoped
class IntakeWriter {

    private final LeadIntakeRepository intake;
    private final LeadEventRepository events;
    private final TeamService teams;
    private final LeadClocks clocks;
    private final Clock clock;
    private final ObjectMapper json;

    IntakeWriter(LeadIntakeRepository intake, LeadEventRepository events, TeamService teams, LeadClocks clocks,
            Clock clock, ObjectMapper json) {
        this.intake = intake;
        this.events = events;
        this.teams = teams;
        this.clocks = clocks;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Writes the items without a problem: checks their teams, upserts them with their fit (in rounds when a key
     * repeats, so later items update earlier ones as if sent one after the other), then starts the SLA clocks of the
     * leads this write handed off.
     */
    Uni<Void> write(List<IntakeItem> all, TeamScope scope, String actor) {
        List<IntakeItem> items = all.stream().filter(i -> !i.failed()).toList();
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> teamKeys = items.stream().map(i -> LeadIntakeRules.blankToNull(i.request.teamKey()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Uni<Set<String>> known = teamKeys.isEmpty() ? Uni.createFrom().item(Set.of()) : teams.existingKeys(teamKeys);
        return known.chain(existing -> {
            List<IntakeItem> valid = new ArrayList<>(items.size());
            for (IntakeItem i : items) {
                String team = LeadIntakeRules.blankToNull(i.request.teamKey());
                if (!scope.mayAskFor(team)) {
                    i.fail(ProblemKind.FORBIDDEN, List.of(new FieldError(i.prefix + "teamKey",
                            "this API key writes only leads of team '" + scope.teamKey() + "'")));
                } else if (team != null && !existing.contains(team)) {
                    i.fail(ProblemKind.VALIDATION,
                            List.of(new FieldError(i.prefix + "teamKey", "team '" + team + "' does not exist")));
                } else {
                    valid.add(i);
                }
            }
            if (valid.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            for (IntakeItem i : valid) {
                i.row = row(i.request, i.fit, scope);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<IntakeItem> round : rounds(valid)) {
                chain = chain.chain(() -> upsert(round, scope, now));
            }
            return chain.chain(() -> startClocks(valid.stream().filter(i -> !i.failed()).toList(), actor));
        });
    }

    private Uni<Void> upsert(List<IntakeItem> all, TeamScope scope, Instant now) {
        // An item whose key failed in an earlier round (another team's or an erased lead) fails again.
        List<IntakeItem> round = all.stream().filter(i -> !i.failed()).toList();
        if (round.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return intake.upsert(round.stream().map(i -> i.row).toList(), scope.teamKey(), now).map(written -> {
            Map<String, LeadIntakeRepository.Written> byKey = new HashMap<>(written.size() * 2);
            for (LeadIntakeRepository.Written w : written) {
                byKey.put(w.source() + '\u0000' + w.externalId(), w);
            }
            for (IntakeItem i : round) {
                LeadIntakeRepository.Written w = byKey.get(i.key());
                if (w == null) {
                    // The upsert left an existing lead alone: an erased one, or one a team-bound key may not write.
                    if (scope.bound()) {
                        i.fail(ProblemKind.FORBIDDEN, List.of(new FieldError(i.prefix + "externalId",
                                "this lead belongs to another team than the API key's ('" + scope.teamKey() + "')")));
                    } else {
                        i.fail(ProblemKind.CONFLICT, List.of(new FieldError(i.prefix + "externalId",
                                "this lead was erased")));
                    }
                    continue;
                }
                i.written = w;
                if (i.row.handoffId() != null && i.row.handoffId().equals(w.handoffId())) {
                    i.handOff = new LeadClocks.HandOff(w.id(), w.handoffId(), w.handedOffAt(), w.source(), w.country(),
                            w.ownerId(), w.teamKey(), w.fitIcpKey(), w.fitTier());
                }
            }
            return null;
        });
    }

    private Uni<Void> startClocks(List<IntakeItem> items, String actor) {
        List<IntakeItem> handedOff = items.stream().filter(i -> i.handOff != null).toList();
        if (handedOff.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return clocks.handedOff(handedOff.stream().map(i -> i.handOff).toList()).chain(started -> {
            List<LeadEvent> rows = new ArrayList<>(handedOff.size());
            for (int k = 0; k < handedOff.size(); k++) {
                LeadClocks.HandOff h = handedOff.get(k).handOff;
                rows.add(LeadEvent.of(h.leadId(), h.at(), Action.HAND_OFF, actor,
                        "Handed off at intake; " + LeadClocks.describe(started.get(k))));
            }
            return events.insertAll(rows);
        });
    }

    /** Splits items into rounds in which each (source, externalId) occurs once, keeping their order. */
    private static List<List<IntakeItem>> rounds(List<IntakeItem> items) {
        List<List<IntakeItem>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(items.size() * 2);
        for (IntakeItem i : items) {
            int round = seen.merge(i.key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    private LeadIntakeRepository.Row row(LeadRequest r, LeadFit fit, TeamScope scope) {
        String status = r.status() == null ? Status.NEW.wire() : r.status();
        return new LeadIntakeRepository.Row(UUID.randomUUID(), r.source(), r.externalId(), status,
                toJson(r.company()), toJson(r.contact()), toJson(r.custom()), LeadIntakeRules.country(r.company()),
                LeadIntakeRules.blankToNull(r.ownerId()), scope.teamFor(LeadIntakeRules.blankToNull(r.teamKey())), fit,
                status.equals(Status.MQL.wire()) ? UUID.randomUUID() : null);
    }

    private String toJson(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
