package io.accord.lead;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lead lifecycle: which action is allowed in which status, and where it leads. Pure; no framework types.
 *
 * <pre>
 * new ──hand_off──▶ mql ──accept──▶ accepted ──qualify──▶ qualified ──close──▶ won | lost
 *                    │  ╲                │
 *                    │   ╲──reject──▶ rejected ◀──reject──┘
 *                    │                   │
 *                    └──recycle──▶ recycled ◀──recycle── (from mql, accepted or rejected)
 * recycled ──hand_off──▶ mql   (a recycled lead can be handed off again; its SLA clocks start afresh)
 * </pre>
 *
 * Two actions keep the status: {@code assign} (new, mql, accepted, qualified, recycled) and {@code log_touch} (every
 * status except new: a lead sales never had cannot have been touched by sales; touches on closed, rejected or
 * recycled leads are still recorded, as CRMs sync late).
 */
public final class LeadLifecycle {

    /** A lead's status. Wire values are lower_snake_case. */
    public enum Status {
        NEW, MQL, ACCEPTED, QUALIFIED, WON, LOST, REJECTED, RECYCLED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String value) {
            for (Status s : values()) {
                if (s.wire().equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** What can be done to a lead. Wire values are lower_snake_case ({@code hand_off}). */
    public enum Action {
        HAND_OFF, ACCEPT, REJECT, QUALIFY, CLOSE, RECYCLE, ASSIGN, LOG_TOUCH;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a qualified lead is closed. */
    public enum Outcome {
        WON, LOST
    }

    /** Thrown for an action the current status does not allow. */
    public static final class IllegalTransition extends RuntimeException {
        private final Status from;
        private final Action action;

        IllegalTransition(Status from, Action action) {
            super("A lead in status '" + from.wire() + "' cannot " + action.wire().replace('_', ' ')
                    + "; allowed: " + (allowedActions(from).isEmpty() ? "nothing"
                            : String.join(", ", allowedActions(from).stream().map(Action::wire).toList())),
                    null, false, false);
            this.from = from;
            this.action = action;
        }

        public Status from() {
            return from;
        }

        public Action action() {
            return action;
        }

        public List<String> allowed() {
            return allowedActions(from).stream().map(Action::wire).toList();
        }
    }

    private static final Map<Status, Set<Action>> ALLOWED = new EnumMap<>(Status.class);

    static {
        ALLOWED.put(Status.NEW, EnumSet.of(Action.HAND_OFF, Action.ASSIGN));
        ALLOWED.put(Status.MQL, EnumSet.of(Action.ACCEPT, Action.REJECT, Action.RECYCLE, Action.ASSIGN, Action.LOG_TOUCH));
        ALLOWED.put(Status.ACCEPTED, EnumSet.of(Action.QUALIFY, Action.REJECT, Action.RECYCLE, Action.ASSIGN,
                Action.LOG_TOUCH));
        ALLOWED.put(Status.QUALIFIED, EnumSet.of(Action.CLOSE, Action.ASSIGN, Action.LOG_TOUCH));
        ALLOWED.put(Status.WON, EnumSet.of(Action.LOG_TOUCH));
        ALLOWED.put(Status.LOST, EnumSet.of(Action.LOG_TOUCH));
        ALLOWED.put(Status.REJECTED, EnumSet.of(Action.RECYCLE, Action.LOG_TOUCH));
        ALLOWED.put(Status.RECYCLED, EnumSet.of(Action.HAND_OFF, Action.ASSIGN, Action.LOG_TOUCH));
    }

    private LeadLifecycle() {
    }

    /** The actions allowed in a status, in declaration order. */
    public static Set<Action> allowedActions(Status status) {
        return Collections.unmodifiableSet(ALLOWED.get(status));
    }

    public static boolean allows(Status status, Action action) {
        return ALLOWED.get(status).contains(action);
    }

    /**
     * The status after {@code action}.
     *
     * @param outcome required for {@link Action#CLOSE}, ignored otherwise
     * @throws IllegalTransition if the status does not allow the action
     */
    public static Status next(Status from, Action action, Outcome outcome) {
        if (!allows(from, action)) {
            throw new IllegalTransition(from, action);
        }
        return switch (action) {
            case HAND_OFF -> Status.MQL;
            case ACCEPT -> Status.ACCEPTED;
            case REJECT -> Status.REJECTED;
            case QUALIFY -> Status.QUALIFIED;
            case CLOSE -> {
                if (outcome == null) {
                    throw new IllegalArgumentException("closing needs an outcome");
                }
                yield outcome == Outcome.WON ? Status.WON : Status.LOST;
            }
            case RECYCLE -> Status.RECYCLED;
            case ASSIGN, LOG_TOUCH -> from;
        };
    }

    /** Whether the lead is before hand-off, so intake may still change its fit, owner and team. */
    public static boolean beforeHandOff(Status status) {
        return status == Status.NEW || status == Status.RECYCLED;
    }
}
