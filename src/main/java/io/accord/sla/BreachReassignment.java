package io.accord.sla;

import io.accord.people.AssigneePicker;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a milestone does when its clock breaches: the lead goes to the next available member of a pool. Pure.
 *
 * @param to                      how the pool hands out the lead
 * @param pool                    the team whose members are the candidates
 * @param excludePrevious         how many of the lead's most recent owners (the current one first) are skipped, 1..20
 * @param markOwnerUnavailableFor when set, the owner who breached is recorded absent for this long from the breach
 * @param respectHours            whether a candidate with a personal calendar must be within their own hours
 * @param clock                   how the new owner's clock is set
 */
public record BreachReassignment(AssigneePicker.Strategy to, String pool, int excludePrevious,
        Duration markOwnerUnavailableFor, boolean respectHours, ClockMode clock) {

    public static final int MAX_EXCLUDE = 20;

    /** How the new owner's clock is set. */
    public enum ClockMode {
        /** The milestone's own target from the reassignment, with its warning and escalation points. */
        FRESH,
        /**
         * The time the lead had left before the breach would escalate: the new clock is due at the breached clock's
         * escalation point (the milestone must have {@code escalateAfter}), with no warning or escalation of its own.
         */
        REMAINING;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<ClockMode> parse(String value) {
            for (ClockMode m : values()) {
                if (m.wire().equals(value)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }
}
