package io.accord.icp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.icp.IcpVersionLifecycle.Action;
import io.accord.icp.IcpVersionLifecycle.Decision;
import io.accord.icp.IcpVersionLifecycle.Refusal;
import io.accord.icp.IcpVersionLifecycle.RefusedException;
import io.accord.icp.IcpVersionLifecycle.Side;
import io.accord.icp.IcpVersionLifecycle.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IcpVersionLifecycleTest {

    private static final Set<String> MARKETING = Set.of("marketing");
    private static final Set<String> SALES = Set.of("sales");
    private static final Set<String> SALES_MANAGER = Set.of("sales_manager");
    private static final Set<String> BOTH = Set.of("marketing", "sales");
    private static final Set<String> ADMIN = Set.of("admin");

    @Test
    void aDraftCanBeEditedAndProposedOnly() {
        assertEquals(List.of(Action.EDIT, Action.PROPOSE), IcpVersionLifecycle.allowedActions(Status.DRAFT));
    }

    @Test
    void aProposedVersionCanBeApprovedOrRejectedOnly() {
        assertEquals(List.of(Action.APPROVE, Action.REJECT), IcpVersionLifecycle.allowedActions(Status.PROPOSED));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ACTIVE", "SUPERSEDED", "REJECTED"})
    void activeSupersededAndRejectedVersionsNeverChange(Status status) {
        assertEquals(List.of(), IcpVersionLifecycle.allowedActions(status));
        for (Action action : Action.values()) {
            RefusedException e = assertThrows(RefusedException.class,
                    () -> IcpVersionLifecycle.require(status, action, 4));
            assertEquals(Refusal.INVALID_TRANSITION, e.refusal());
            assertEquals(List.of(), e.allowedActions());
            assertEquals(status, e.status());
        }
    }

    @Test
    void editingAProposedVersionIsAnInvalidTransitionListingWhatIsAllowed() {
        RefusedException e = assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.require(Status.PROPOSED, Action.EDIT, 2));
        assertEquals(Refusal.INVALID_TRANSITION, e.refusal());
        assertEquals(List.of("approve", "reject"), e.allowedActions());
        assertTrue(e.getMessage().contains("Cannot edit version 2: it is proposed"), e.getMessage());
    }

    @Test
    void approvingADraftIsAnInvalidTransition() {
        RefusedException e = assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.approve(Status.DRAFT, 1, List.of(), Side.MARKETING, "m", MARKETING));
        assertEquals(Refusal.INVALID_TRANSITION, e.refusal());
        assertEquals(List.of("edit", "propose"), e.allowedActions());
    }

    @Test
    void theFirstApprovalDoesNotActivate() {
        assertFalse(IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(), Side.MARKETING, "m", MARKETING)
                .activates());
        assertFalse(IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(), Side.SALES, "s", SALES).activates());
    }

    @Test
    void theSecondSideApprovalFromAnotherPrincipalActivates() {
        List<Decision> prior = List.of(new Decision(Side.MARKETING, "m", true));
        assertTrue(IcpVersionLifecycle.approve(Status.PROPOSED, 1, prior, Side.SALES, "s", SALES).activates());
        assertTrue(IcpVersionLifecycle.approve(Status.PROPOSED, 1, prior, Side.SALES, "s", SALES_MANAGER).activates());
    }

    @Test
    void onePrincipalCannotApproveBothSides() {
        List<Decision> prior = List.of(new Decision(Side.MARKETING, "both", true));
        RefusedException e = assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, prior, Side.SALES, "both", BOTH));
        assertEquals(Refusal.ALREADY_DECIDED, e.refusal());
        assertTrue(e.getMessage().contains("different principal"), e.getMessage());
    }

    @Test
    void aSideCannotApproveTwice() {
        List<Decision> prior = List.of(new Decision(Side.MARKETING, "m1", true));
        RefusedException e = assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, prior, Side.MARKETING, "m2", MARKETING));
        assertEquals(Refusal.ALREADY_DECIDED, e.refusal());
        assertTrue(e.getMessage().contains("marketing side already approved"), e.getMessage());
    }

    @Test
    void aSideThatApprovedCannotReject() {
        List<Decision> prior = List.of(new Decision(Side.SALES, "s", true));
        RefusedException e = assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.reject(Status.PROPOSED, 1, prior, Side.SALES, SALES));
        assertEquals(Refusal.ALREADY_DECIDED, e.refusal());
    }

    @Test
    void signingNeedsTheSidesRoleAndAdminIsNotEnough() {
        for (Side side : Side.values()) {
            RefusedException e = assertThrows(RefusedException.class,
                    () -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(), side, "root", ADMIN));
            assertEquals(Refusal.MISSING_ROLE, e.refusal());
            assertThrows(RefusedException.class,
                    () -> IcpVersionLifecycle.reject(Status.PROPOSED, 1, List.of(), side, ADMIN));
        }
        assertEquals(Refusal.MISSING_ROLE, assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(), Side.SALES, "m", MARKETING)).refusal());
        assertEquals(Refusal.MISSING_ROLE, assertThrows(RefusedException.class,
                () -> IcpVersionLifecycle.approve(Status.PROPOSED, 1, List.of(), Side.MARKETING, "s", SALES_MANAGER))
                .refusal());
    }

    @Test
    void eitherSideMayRejectAProposedVersion() {
        IcpVersionLifecycle.reject(Status.PROPOSED, 1, List.of(), Side.MARKETING, MARKETING);
        IcpVersionLifecycle.reject(Status.PROPOSED, 1, List.of(new Decision(Side.MARKETING, "m", true)), Side.SALES,
                SALES);
    }

    @Test
    void sidesAndStatusesHaveLowerSnakeCaseWireNames() {
        assertEquals("marketing", Side.MARKETING.wire());
        assertEquals(Side.SALES, Side.fromWire("sales").orElseThrow());
        assertTrue(Side.fromWire("SALES").isEmpty());
        assertEquals(Status.SUPERSEDED, Status.fromWire("superseded"));
    }

    // --- Evidence ---------------------------------------------------------------------------------------------------

    private static final java.time.Instant EDITED = java.time.Instant.parse("2026-11-20T10:00:00Z");
    private static final java.util.UUID BACKTEST = java.util.UUID.fromString("5b0e8a52-3c1e-4f7a-9d61-2a4b8c0d1e2f");

    @Test
    void anApprovalRecordsAFreshBacktestAsNotStale() {
        IcpVersionLifecycle.Evidence e = IcpVersionLifecycle.evidence(Status.PROPOSED, 1, BACKTEST,
                EDITED.plusSeconds(60), EDITED, EDITED, false, false);
        assertEquals(BACKTEST, e.backtestId());
        assertFalse(e.stale());
    }

    @Test
    void aBacktestOfAnOlderEditNeedsAcknowledging() {
        java.time.Instant older = EDITED.minusSeconds(1);
        RefusedException refused = assertThrows(RefusedException.class, () -> IcpVersionLifecycle.evidence(
                Status.PROPOSED, 4, BACKTEST, older, older, EDITED, false, false));
        assertEquals(Refusal.STALE_EVIDENCE, refused.refusal());
        assertTrue(refused.getMessage().contains("acknowledgeStale"), refused.getMessage());
        IcpVersionLifecycle.Evidence acknowledged = IcpVersionLifecycle.evidence(Status.PROPOSED, 4, BACKTEST, older,
                older, EDITED, true, false);
        assertTrue(acknowledged.stale());
        assertEquals(BACKTEST, acknowledged.backtestId());
    }

    @Test
    void withoutABacktestAnApprovalRecordsNoneUnlessBacktestsAreRequired() {
        IcpVersionLifecycle.Evidence none = IcpVersionLifecycle.evidence(Status.PROPOSED, 1, null, null, null, EDITED,
                false, false);
        assertEquals(null, none.backtestId());
        assertFalse(none.stale());
        assertEquals(Refusal.MISSING_EVIDENCE, assertThrows(RefusedException.class, () -> IcpVersionLifecycle
                .evidence(Status.PROPOSED, 1, null, null, null, EDITED, true, true)).refusal(),
                "acknowledging cannot stand in for a required backtest");
    }

    @net.jqwik.api.Property
    void staleExactlyWhenTheBacktestScoredAnEarlierEdit(@net.jqwik.api.ForAll long scoredOffset,
            @net.jqwik.api.ForAll boolean acknowledge) {
        long offset = scoredOffset % 1_000_000_000L;
        java.time.Instant scored = EDITED.plusSeconds(offset);
        boolean stale = scored.isBefore(EDITED);
        if (stale && !acknowledge) {
            assertThrows(RefusedException.class, () -> IcpVersionLifecycle.evidence(Status.PROPOSED, 1, BACKTEST,
                    scored, scored, EDITED, false, false));
        } else {
            assertEquals(stale, IcpVersionLifecycle.evidence(Status.PROPOSED, 1, BACKTEST, scored, scored, EDITED,
                    acknowledge, false).stale());
        }
    }
}
