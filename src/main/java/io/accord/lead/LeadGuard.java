package io.accord.lead;

import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.Status;
import io.accord.team.TeamService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The checks before a change to one existing lead: it exists (404), the caller may write it (403), its status allows
 * the action (409 with the allowed ones), a named team exists (422). Locks the lead until the transaction ends, so
 * that actions on one lead run one after the other.
 */
@ApplicationScoped
class LeadGuard {

    private final LeadRepository leads;
    private final TeamService teams;

    LeadGuard(LeadRepository leads, TeamService teams) {
        this.leads = leads;
        this.teams = teams;
    }

    /** The lead, locked; 404 if absent. */
    Uni<Lead> lock(UUID id) {
        return leads.lock(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", id));
    }

    /**
     * Locks the lead (404 if absent), checks that the caller may write it (403; {@code newTeam}, when not null, is the
     * team the action moves it to) and that its status allows the action (409 with the allowed ones).
     */
    Uni<Lead> lockForAction(UUID id, Action action, TeamScope scope, String newTeam) {
        return lock(id).invoke(lead -> {
            requireScope(scope, lead, newTeam != null ? newTeam : lead.teamKey);
            Status status = LeadViews.status(lead);
            if (!LeadLifecycle.allows(status, action)) {
                LeadLifecycle.IllegalTransition e = new LeadLifecycle.IllegalTransition(status, action);
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("currentStatus", status.wire());
                ext.put("action", action.wire());
                ext.put("allowedActions", e.allowed());
                throw new ProblemException(ProblemKind.INVALID_TRANSITION, e.getMessage(), List.of(), ext, Map.of());
            }
        });
    }

    /** 403 unless {@code scope} may take {@code lead} to {@code teamAfter}. */
    static void requireScope(TeamScope scope, Lead lead, String teamAfter) {
        if (!scope.allows(lead.teamKey, teamAfter)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "This API key writes only leads of team '"
                    + scope.teamKey() + "'; lead " + lead.id + (lead.teamKey == null ? " has no team"
                            : " belongs to team '" + lead.teamKey + "'")
                    + (Objects.equals(teamAfter, lead.teamKey) ? "" : " and would move to team '" + teamAfter + "'"));
        }
    }

    /** 422 unless {@code team} (null: none named) exists. */
    Uni<Void> requireTeam(String team) {
        if (team == null) {
            return Uni.createFrom().voidItem();
        }
        return teams.existingKeys(List.of(team)).invoke(found -> {
            if (found.isEmpty()) {
                throw ProblemException.validation("teamKey", "team '" + team + "' does not exist");
            }
        }).replaceWithVoid();
    }
}
