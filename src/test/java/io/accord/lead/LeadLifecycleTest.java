package io.accord.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.lead.LeadLifecycle.Action;
import io.accord.lead.LeadLifecycle.IllegalTransition;
import io.accord.lead.LeadLifecycle.Outcome;
import io.accord.lead.LeadLifecycle.Status;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LeadLifecycleTest {

    // ---- examples -----------------------------------------------------------------------------------------

    @Test
    void happyPathRunsFromNewToWon() {
        Status s = Status.NEW;
        s = LeadLifecycle.next(s, Action.HAND_OFF, null);
        assertEquals(Status.MQL, s);
        s = LeadLifecycle.next(s, Action.ACCEPT, null);
        assertEquals(Status.ACCEPTED, s);
        s = LeadLifecycle.next(s, Action.QUALIFY, null);
        assertEquals(Status.QUALIFIED, s);
        assertEquals(Status.WON, LeadLifecycle.next(s, Action.CLOSE, Outcome.WON));
        assertEquals(Status.LOST, LeadLifecycle.next(s, Action.CLOSE, Outcome.LOST));
    }

    @Test
    void rejectIsAllowedFromMqlAndAcceptedOnly() {
        assertEquals(Status.REJECTED, LeadLifecycle.next(Status.MQL, Action.REJECT, null));
        assertEquals(Status.REJECTED, LeadLifecycle.next(Status.ACCEPTED, Action.REJECT, null));
        for (Status s : EnumSet.complementOf(EnumSet.of(Status.MQL, Status.ACCEPTED))) {
            assertFalse(LeadLifecycle.allows(s, Action.REJECT), s.name());
        }
    }

    @Test
    void recycleIsAllowedFromMqlAcceptedAndRejectedOnly() {
        Set<Status> from = EnumSet.of(Status.MQL, Status.ACCEPTED, Status.REJECTED);
        for (Status s : Status.values()) {
            assertEquals(from.contains(s), LeadLifecycle.allows(s, Action.RECYCLE), s.name());
        }
    }

    @Test
    void recycledLeadCanBeHandedOffAgain() {
        assertEquals(Status.MQL, LeadLifecycle.next(Status.RECYCLED, Action.HAND_OFF, null));
    }

    @Test
    void illegalTransitionListsTheAllowedActions() {
        IllegalTransition e = assertThrows(IllegalTransition.class,
                () -> LeadLifecycle.next(Status.NEW, Action.ACCEPT, null));
        assertEquals(List.of("hand_off", "assign"), e.allowed());
        assertTrue(e.getMessage().contains("'new' cannot accept"), e.getMessage());
        assertEquals(List.of(), assertThrows(IllegalTransition.class,
                () -> LeadLifecycle.next(Status.WON, Action.RECYCLE, null)).allowed().stream()
                .filter(a -> !a.equals("log_touch")).toList());
    }

    @Test
    void touchesNeedAHandOffFirst() {
        assertFalse(LeadLifecycle.allows(Status.NEW, Action.LOG_TOUCH));
        for (Status s : EnumSet.complementOf(EnumSet.of(Status.NEW))) {
            assertTrue(LeadLifecycle.allows(s, Action.LOG_TOUCH), s.name());
        }
    }

    @Test
    void closingNeedsAnOutcome() {
        assertThrows(IllegalArgumentException.class, () -> LeadLifecycle.next(Status.QUALIFIED, Action.CLOSE, null));
    }

    // ---- properties ---------------------------------------------------------------------------------------

    @Property
    void nextSucceedsExactlyWhenTheActionIsAllowed(@ForAll Status status, @ForAll Action action, @ForAll Outcome outcome) {
        if (LeadLifecycle.allowedActions(status).contains(action)) {
            LeadLifecycle.next(status, action, outcome);
        } else {
            IllegalTransition e = assertThrows(IllegalTransition.class, () -> LeadLifecycle.next(status, action, outcome));
            assertEquals(LeadLifecycle.allowedActions(status).stream().map(Action::wire).toList(), e.allowed());
        }
    }

    @Property
    void noActionLeadsBackToNew(@ForAll Status status, @ForAll Action action, @ForAll Outcome outcome) {
        if (LeadLifecycle.allows(status, action)) {
            Status next = LeadLifecycle.next(status, action, outcome);
            if (status != Status.NEW) {
                assertNotEquals(Status.NEW, next);
            }
        }
    }

    @Property
    void assignAndTouchNeverChangeTheStatus(@ForAll Status status, @ForAll Outcome outcome) {
        for (Action a : List.of(Action.ASSIGN, Action.LOG_TOUCH)) {
            if (LeadLifecycle.allows(status, a)) {
                assertEquals(status, LeadLifecycle.next(status, a, outcome));
            }
        }
    }

    @Property
    void handOffAlwaysLeadsToMqlFromBeforeHandOffStatuses(@ForAll Status status) {
        assertEquals(LeadLifecycle.beforeHandOff(status), LeadLifecycle.allows(status, Action.HAND_OFF));
        if (LeadLifecycle.allows(status, Action.HAND_OFF)) {
            assertEquals(Status.MQL, LeadLifecycle.next(status, Action.HAND_OFF, null));
        }
    }

    @Property
    void wonAndLostAreTerminal(@ForAll Action action, @ForAll Outcome outcome) {
        for (Status s : List.of(Status.WON, Status.LOST)) {
            if (LeadLifecycle.allows(s, action)) {
                assertEquals(s, LeadLifecycle.next(s, action, outcome));
            }
        }
    }

    /** Any sequence of attempted actions from new keeps the lead in a status reachable by allowed steps. */
    @Property
    void randomWalksOnlyTakeAllowedSteps(@ForAll("walks") List<Action> actions, @ForAll Outcome outcome) {
        Status s = Status.NEW;
        for (Action a : actions) {
            boolean allowed = LeadLifecycle.allows(s, a);
            try {
                Status next = LeadLifecycle.next(s, a, outcome);
                assertTrue(allowed);
                s = next;
            } catch (IllegalTransition e) {
                assertFalse(allowed);
            }
        }
    }

    @Test
    void everyStatusIsReachableFromNew() {
        Set<Status> seen = EnumSet.of(Status.NEW);
        ArrayDeque<Status> todo = new ArrayDeque<>(List.of(Status.NEW));
        while (!todo.isEmpty()) {
            Status s = todo.poll();
            for (Action a : LeadLifecycle.allowedActions(s)) {
                for (Outcome o : Outcome.values()) {
                    Status next = LeadLifecycle.next(s, a, o);
                    if (seen.add(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(Status.class), seen);
    }

    @Provide
    Arbitrary<List<Action>> walks() {
        return Arbitraries.of(Action.class).list().ofMaxSize(30);
    }
}
