package io.accord.icp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.icp.IcpVersionLifecycle.Action;
import io.accord.icp.IcpVersionLifecycle.Decision;
import io.accord.icp.IcpVersionLifecycle.RefusedException;
import io.accord.icp.IcpVersionLifecycle.Side;
import io.accord.icp.IcpVersionLifecycle.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IcpProblemsTest {

    private static ProblemException problem(Runnable step) {
        return (ProblemException) IcpProblems.of(assertThrows(RefusedException.class, step::run));
    }

    @Test
    void anInvalidTransitionIsA409ListingTheCurrentStatusAndTheAllowedActions() {
        ProblemException p = problem(() -> IcpVersionLifecycle.require(Status.PROPOSED, Action.EDIT, 2));
        assertEquals(ProblemKind.INVALID_TRANSITION, p.kind());
        assertEquals("Cannot edit version 2: it is proposed; allowed: approve, reject", p.getMessage());
        assertEquals("proposed", p.extensions().get("currentStatus"));
        assertEquals(List.of("approve", "reject"), p.extensions().get("allowedActions"));
    }

    @Test
    void aMissingRoleIsA403AndASideDecidingTwiceA409Conflict() {
        ProblemException forbidden = problem(() -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(),
                Side.SALES, "root", Set.of("admin")));
        assertEquals(ProblemKind.FORBIDDEN, forbidden.kind());
        assertEquals(Set.of(), forbidden.extensions().keySet());
        ProblemException conflict = problem(() -> IcpVersionLifecycle.reject(Status.PROPOSED, 1,
                List.of(new Decision(Side.SALES, "s", true)), Side.SALES, Set.of("sales")));
        assertEquals(ProblemKind.CONFLICT, conflict.kind());
        assertEquals("The sales side already approved this version (s)", conflict.getMessage());
    }

    @Test
    void otherFailuresPassThrough() {
        IllegalStateException other = new IllegalStateException("boom");
        assertSame(other, IcpProblems.of(other));
    }
}
