package io.accord.commitment;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarService;
import io.accord.calendar.CalendarView;
import io.accord.common.FieldError;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.icp.IcpService;
import io.accord.icp.IcpVersionView;
import io.accord.icp.TierView;
import io.accord.team.TeamService;
import io.accord.team.TeamSummary;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What commitments refer to in other features, read through their services: the calendar (zone and business
 * hours), the marketing team, the ICP and its tiers.
 */
@ApplicationScoped
class CommitmentReferences {

    /** What a request refers to, once checked. */
    record Resolved(UUID calendarId, String timeZone) {
    }

    private final CalendarService calendars;
    private final TeamService teams;
    private final IcpService icps;

    CommitmentReferences(CalendarService calendars, TeamService teams, IcpService icps) {
        this.calendars = calendars;
        this.teams = teams;
        this.icps = icps;
    }

    Uni<BusinessCalendar> calendar(String key) {
        return calendars.calendar(key);
    }

    /** Calendars by key, each loaded once, one after the other (a session runs one query at a time). */
    Uni<Map<String, BusinessCalendar>> calendarsOf(List<Commitment> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(c -> keys.add(c.calendarKey()));
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(k -> calendars.calendar(k).map(cal -> Map.entry(k, cal)))
                .collect().in(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    /** The time zones of the commitments' calendars, by calendar key. */
    Uni<Map<String, String>> zones(List<Commitment> rows) {
        return calendarsOf(rows).map(cals -> {
            Map<String, String> zones = new HashMap<>();
            cals.forEach((k, v) -> zones.put(k, v.zone().getId()));
            return zones;
        });
    }

    Uni<String> zone(String calendarKey) {
        return calendars.get(calendarKey).map(v -> v.view().timeZone());
    }

    /**
     * Checks what the request refers to and reports every problem at once (422), with those already in
     * {@code errors}: the period start, the calendar, the team (a marketing team), the ICP and the tier.
     */
    Uni<Resolved> check(CommitmentRequest r, List<FieldError> errors) {
        Uni<CalendarView> calendar = calendars.get(r.calendarKey()).map(Versioned::view)
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    if (((ProblemException) e).kind() != ProblemKind.NOT_FOUND) {
                        throw (ProblemException) e;
                    }
                    errors.add(new FieldError("calendarKey", "calendar '" + r.calendarKey() + "' does not exist"));
                    return null;
                });
        return calendar.chain(cal -> {
            PeriodKind kind = PeriodKind.parse(r.period()).orElseThrow();
            if (!kind.isStart(r.startsOn())) {
                errors.add(new FieldError("startsOn", "must be " + kind.startDescription() + " for a " + kind.wire()
                        + "ly commitment; " + r.startsOn() + " is not"));
            }
            return teams.summaries(List.of(r.teamKey())).chain(found -> {
                TeamSummary team = found.get(r.teamKey());
                if (team == null) {
                    errors.add(new FieldError("teamKey", "team '" + r.teamKey() + "' does not exist"));
                } else if (!"marketing".equals(team.function())) {
                    errors.add(new FieldError("teamKey", "team '" + r.teamKey() + "' is a " + team.function()
                            + " team; a commitment belongs to a marketing team"));
                }
                return tierCheck(r, errors);
            }).map(v -> {
                if (!errors.isEmpty()) {
                    throw ProblemException.validation(errors);
                }
                return new Resolved(cal.id(), cal.timeZone());
            });
        });
    }

    /** With an ICP, it must exist and {@code minTier} must be a tier label of one of its versions. */
    private Uni<Void> tierCheck(CommitmentRequest r, List<FieldError> errors) {
        if (r.icpKey() == null) {
            return Uni.createFrom().voidItem();
        }
        return tierLabels(r.icpKey(), 0, new LinkedHashSet<>()).invoke(labels -> {
            if (labels == null) {
                errors.add(new FieldError("icpKey", "ICP '" + r.icpKey() + "' does not exist"));
            } else if (r.minTier() != null && !labels.contains(r.minTier())) {
                errors.add(new FieldError("minTier", "ICP '" + r.icpKey() + "' has no tier '" + r.minTier()
                        + "'; its tiers are " + String.join(", ", labels)));
            }
        }).replaceWithVoid();
    }

    /** The tier labels of all versions of an ICP, or null if it does not exist. */
    private Uni<Set<String>> tierLabels(String icpKey, int after, Set<String> labels) {
        return icps.listVersions(icpKey, null, 200, after)
                .chain(page -> {
                    for (IcpVersionView v : page.items()) {
                        v.tiers().stream().map(TierView::label).forEach(labels::add);
                    }
                    if (page.nextCursor() == null) {
                        return Uni.createFrom().item(labels);
                    }
                    return tierLabels(icpKey, page.items().get(page.items().size() - 1).version(), labels);
                })
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    if (((ProblemException) e).kind() == ProblemKind.NOT_FOUND) {
                        return Uni.createFrom().nullItem();
                    }
                    return Uni.createFrom().failure(e);
                });
    }
}
