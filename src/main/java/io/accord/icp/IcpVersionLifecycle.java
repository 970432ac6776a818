package io.accord.icp;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of an ICP version's workflow, with no framework types.
 *
 * <pre>
 *   draft ──propose──▶ proposed ──approve (marketing) + approve (sales)──▶ active ──(next activation | retire)──▶ superseded
 *                          └───────reject (either side)──────▶ rejected
 * </pre>
 *
 * <ul>
 *   <li>Only a draft can be edited or proposed; proposing freezes the content. Active, superseded and rejected
 *       versions never change.</li>
 *   <li>A proposed version is approved once per side. The marketing side needs the {@code marketing} role, the
 *       sales side {@code sales} or {@code sales_manager}. {@code admin} alone is not enough: the point of a shared
 *       definition is that both functions signed it, and an administrator is neither.</li>
 *   <li>The two approvals must come from two different principals: one person holding both roles cannot sign for
 *       both sides.</li>
 *   <li>The second approval activates the version; the previously active version becomes superseded.</li>
 *   <li>Either side may reject a proposed version (with that side's role); rejection is final. A side that already
 *       approved cannot also reject.</li>
 *   <li>An approval records the backtest the side saw: the version's latest finished backtest. A backtest that
 *       scored an older edit of the version than its last one is <em>stale</em>: approving on it needs
 *       {@code acknowledgeStale}. When backtests are required ({@code accord.evidence.require-backtest}), approving
 *       a version that has none is refused too, and acknowledging cannot lift that.</li>
 * </ul>
 *
 * <p>Refusals are {@link RefusedException}s whose {@link Refusal} names the rule: {@code MISSING_ROLE} without the
 * side's role, {@code INVALID_TRANSITION} for a step the state does not allow, {@code ALREADY_DECIDED} for a side
 * that already decided or a principal signing twice. {@link IcpProblems} says how the API reports each.
 */
final class IcpVersionLifecycle {

    private IcpVersionLifecycle() {
    }

    /** Where a version is in its workflow; {@link #wire()} is the JSON spelling. */
    enum Status {
        DRAFT, PROPOSED, ACTIVE, SUPERSEDED, REJECTED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** A step a client can ask for. */
    enum Action {
        EDIT, PROPOSE, APPROVE, REJECT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The two signatories of a version, and the roles that may sign for each. */
    enum Side {
        MARKETING(Set.of("marketing")),
        SALES(Set.of("sales", "sales_manager"));

        private final Set<String> roles;

        Side(Set<String> roles) {
            this.roles = roles;
        }

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        Set<String> roles() {
            return roles;
        }

        Side other() {
            return this == MARKETING ? SALES : MARKETING;
        }

        static Optional<Side> fromWire(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
        }
    }

    /** A recorded approval or rejection. */
    record Decision(Side side, String principal, boolean approve) {
    }

    /** What a successful approval does: {@code activates} when it completes the pair. */
    record Approval(boolean activates) {
    }

    /** Which rule refused a step. */
    enum Refusal {
        /** The caller holds none of the side's roles. */
        MISSING_ROLE,
        /** The version's status does not allow the step. */
        INVALID_TRANSITION,
        /** The side already decided, or the principal already approved for the other side. */
        ALREADY_DECIDED,
        /** The latest backtest scored an older edit of the version, and the approval did not acknowledge it. */
        STALE_EVIDENCE,
        /** Backtests are required and the version has none. */
        MISSING_EVIDENCE
    }

    /** What an approval records of the evidence: the backtest seen (null: none) and whether it was stale. */
    record Evidence(java.util.UUID backtestId, Instant backtestAt, boolean stale) {
    }

    /**
     * Checks the evidence of an approval.
     *
     * @param backtestId        the version's latest finished backtest, or null when it has none
     * @param backtestAt        when that backtest was asked for (null with {@code backtestId})
     * @param scoredEdit        the version's last edit that backtest scored (null with {@code backtestId})
     * @param editedAt          the version's last edit
     * @param acknowledgeStale  whether the approver accepts stale evidence
     * @param backtestRequired  whether a version without a backtest may be approved at all
     */
    static Evidence evidence(Status status, int number, java.util.UUID backtestId, Instant backtestAt,
            Instant scoredEdit, Instant editedAt, boolean acknowledgeStale, boolean backtestRequired) {
        if (backtestId == null) {
            if (backtestRequired) {
                throw new RefusedException(Refusal.MISSING_EVIDENCE, status, "Version " + number
                        + " has no backtest; run POST .../versions/" + number + "/backtest before approving it");
            }
            return new Evidence(null, null, false);
        }
        boolean stale = scoredEdit.isBefore(editedAt);
        if (stale && !acknowledgeStale) {
            throw new RefusedException(Refusal.STALE_EVIDENCE, status, "The latest backtest of version " + number
                    + " (" + backtestId + ", " + backtestAt + ") scored the version as it was before its last edit ("
                    + editedAt + "); run a new backtest, or approve with acknowledgeStale: true");
        }
        return new Evidence(backtestId, backtestAt, stale);
    }

    /** A step the rules refuse; the message says why for a person, {@link #refusal()} for a program. */
    static final class RefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Refusal refusal;
        private final Status status;

        RefusedException(Refusal refusal, Status status, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
            this.status = status;
        }

        Refusal refusal() {
            return refusal;
        }

        /** The version's status when the step was asked for. */
        Status status() {
            return status;
        }

        /** The steps that status allows, by their wire names. */
        List<String> allowedActions() {
            return allowedActionNames(status);
        }
    }

    /** The actions a client may ask for in a state, in a stable order. */
    static List<Action> allowedActions(Status status) {
        return switch (status) {
            case DRAFT -> List.of(Action.EDIT, Action.PROPOSE);
            case PROPOSED -> List.of(Action.APPROVE, Action.REJECT);
            case ACTIVE, SUPERSEDED, REJECTED -> List.of();
        };
    }

    static List<String> allowedActionNames(Status status) {
        return allowedActions(status).stream().map(Action::wire).toList();
    }

    /** Refuses ({@code INVALID_TRANSITION}) unless {@code action} is allowed in {@code status}. */
    static void require(Status status, Action action, int number) {
        if (!allowedActions(status).contains(action)) {
            throw invalidTransition(status, action, number);
        }
    }

    /** Whether {@code roles} allow signing for {@code side}. */
    static boolean maySignFor(Side side, Set<String> roles) {
        return side.roles().stream().anyMatch(roles::contains);
    }

    /**
     * Checks an approval of a version in {@code status} with the decisions recorded so far.
     *
     * @return whether this approval activates the version
     */
    static Approval approve(Status status, int number, List<Decision> prior, Side side, String principal,
            Set<String> roles) {
        requireRole(side, roles, status);
        require(status, Action.APPROVE, number);
        requireSideOpen(prior, side, status);
        for (Decision d : prior) {
            if (d.approve() && d.principal().equals(principal)) {
                throw new RefusedException(Refusal.ALREADY_DECIDED, status, "You already approved version " + number
                        + " for the " + d.side().wire() + " side; the " + side.wire()
                        + " approval must come from a different principal, so that two people signed it");
            }
        }
        boolean otherApproved = prior.stream().anyMatch(d -> d.approve() && d.side() == side.other());
        return new Approval(otherApproved);
    }

    /** Checks a rejection of a version in {@code status}; a rejection always ends the workflow. */
    static void reject(Status status, int number, List<Decision> prior, Side side, Set<String> roles) {
        requireRole(side, roles, status);
        require(status, Action.REJECT, number);
        requireSideOpen(prior, side, status);
    }

    private static void requireRole(Side side, Set<String> roles, Status status) {
        if (!maySignFor(side, roles)) {
            throw new RefusedException(Refusal.MISSING_ROLE, status, "Deciding for the " + side.wire()
                    + " side requires the role " + String.join(" or ", side.roles().stream().sorted().toList())
                    + "; admin alone is not enough");
        }
    }

    private static void requireSideOpen(List<Decision> prior, Side side, Status status) {
        for (Decision d : prior) {
            if (d.side() == side) {
                throw new RefusedException(Refusal.ALREADY_DECIDED, status, "The " + side.wire() + " side already "
                        + (d.approve() ? "approved" : "rejected") + " this version (" + d.principal() + ")");
            }
        }
    }

    static RefusedException invalidTransition(Status status, Action action, int number) {
        List<String> allowed = allowedActionNames(status);
        return new RefusedException(Refusal.INVALID_TRANSITION, status,
                "Cannot " + action.wire() + " version " + number + ": it is " + status.wire()
                        + (allowed.isEmpty() ? " and can no longer change" : "; allowed: " + String.join(", ", allowed)));
    }
}
