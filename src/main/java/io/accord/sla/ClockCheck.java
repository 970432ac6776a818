package io.accord.sla;

import java.time.Instant;

/**
 * What the breach detector does with one clock at one instant: the pure rules, without a database.
 *
 * <ul>
 * <li>A running clock whose warning point has passed gets {@code sla.warning} once.</li>
 * <li>A running clock whose due date has passed becomes {@code breached} and gets {@code sla.breached}.</li>
 * <li>A breached clock whose escalation point has passed gets {@code sla.escalated} once, unless its breach alert was
 * resolved.</li>
 * <li>A clock that was met or cancelled has its open alerts resolved ({@code met_late}, {@code met} for a warning
 * whose clock was met in time, or {@code cancelled}) and needs no further checks.</li>
 * </ul>
 * {@code nextCheck} is the earliest checkpoint still ahead, or null when there is none.
 */
record ClockCheck(String status, boolean raiseWarning, boolean raiseBreach, boolean raiseEscalation, String resolution,
        Instant nextCheck) {

    static ClockCheck of(String status, boolean late, Instant warnAt, Instant dueAt, Instant escalateAt, boolean warned,
            boolean escalated, boolean breachResolved, Instant now) {
        if (status.equals("met") || status.equals("cancelled")) {
            return new ClockCheck(status, false, false, false, status.equals("met") ? (late ? "met_late" : "met") : "cancelled", null);
        }
        boolean running = status.equals("running");
        boolean warning = running && warnAt != null && !warned && !warnAt.isAfter(now);
        boolean breach = running && !dueAt.isAfter(now);
        String next = breach ? "breached" : status;
        boolean escalation = next.equals("breached") && escalateAt != null && !escalated && !escalateAt.isAfter(now)
                && !breachResolved;
        Instant nextCheck = null;
        if (next.equals("running")) {
            nextCheck = warnAt != null && !warned && !warning && warnAt.isAfter(now) ? warnAt : dueAt;
        } else if (escalateAt != null && !escalated && !escalation && escalateAt.isAfter(now) && !breachResolved) {
            nextCheck = escalateAt;
        }
        return new ClockCheck(next, warning, breach, escalation, null, nextCheck);
    }
}
