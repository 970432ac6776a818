package io.accord.sla;

/** Lead lifecycle events that meet or cancel SLA clocks (touches are reported separately). */
public enum SlaEvent {
    ACCEPTED, REJECTED, QUALIFIED, CLOSED, RECYCLED
}
