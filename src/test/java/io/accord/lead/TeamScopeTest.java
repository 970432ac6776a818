package io.accord.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TeamScopeTest {

    private final TeamScope a = new TeamScope("team-a");

    @Test
    void anUnboundCallerWritesAnyLead() {
        assertTrue(TeamScope.UNBOUND.allows("team-b", "team-c"));
        assertTrue(TeamScope.UNBOUND.allows(null, null));
        assertTrue(TeamScope.UNBOUND.mayAskFor("team-b"));
        assertNull(TeamScope.UNBOUND.teamFor(null));
    }

    @Test
    void aBoundKeyWritesItsTeamsLeadsAndKeepsThemThere() {
        assertTrue(a.allows("team-a", "team-a"));
        assertFalse(a.allows("team-b", "team-b"), "another team's lead");
        assertFalse(a.allows("team-a", "team-b"), "moving its lead away");
        assertFalse(a.allows("team-b", "team-a"), "taking another team's lead");
    }

    @Test
    void aBoundKeyMayTakeALeadWithoutTeamIntoItsTeamOnly() {
        assertTrue(a.allows(null, "team-a"));
        assertFalse(a.allows(null, null), "acting on a lead without team that stays without team");
        assertFalse(a.allows(null, "team-b"));
    }

    @Test
    void aPushWithoutTeamGetsTheKeysTeamAndMayNotAskForAnother() {
        assertEquals("team-a", a.teamFor(null));
        assertEquals("team-a", a.teamFor("team-a"));
        assertTrue(a.mayAskFor(null));
        assertTrue(a.mayAskFor("team-a"));
        assertFalse(a.mayAskFor("team-b"));
    }
}
