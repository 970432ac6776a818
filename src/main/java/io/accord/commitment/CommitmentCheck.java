package io.accord.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one check of a commitment finds, and when to check it next. Pure; no framework types.
 *
 * <ul>
 * <li>Every period that closed since the last check yields {@code commitment.met} or {@code commitment.missed}.</li>
 * <li>The open period yields {@code commitment.at_risk} when its figures say so ({@link PeriodFigures#atRisk()}).
 * The alert machinery raises each (subject, kind) once, so repeating a finding on every check is harmless.</li>
 * <li>The next check is the earliest of: the regular interval, the moment a quarter of the open period's business
 * time has passed (the first moment it can be at risk), and the end of the open period (so met/missed are raised
 * when it closes).</li>
 * </ul>
 */
public final class CommitmentCheck {

    public static final String AT_RISK = "commitment.at_risk";
    public static final String MET = "commitment.met";
    public static final String MISSED = "commitment.missed";

    /** A period and its figures at the time of the check. */
    public record Evaluated(CommitmentPeriod period, PeriodFigures figures) {
    }

    /** An alert the check wants raised. */
    public record Finding(String kind, Evaluated evaluated) {
    }

    private CommitmentCheck() {
    }

    /**
     * @param closed the periods that closed since the last check, with their final figures
     * @param open   the period open now, or null when the commitment has not started
     */
    public static List<Finding> findings(List<Evaluated> closed, Evaluated open) {
        List<Finding> out = new ArrayList<>();
        for (Evaluated e : closed) {
            out.add(new Finding(e.figures().status() == PeriodFigures.Status.MET ? MET : MISSED, e));
        }
        if (open != null && open.figures().atRisk()) {
            out.add(new Finding(AT_RISK, open));
        }
        return out;
    }

    /**
     * When to check next.
     *
     * @param open         the open period (or the first one, when the commitment has not started yet)
     * @param quarterPoint when a quarter of the open period's business time has passed
     */
    public static Instant nextCheck(Instant now, CommitmentPeriod open, Instant quarterPoint, Duration interval) {
        Instant next = now.plus(interval);
        if (open.end().isBefore(next) && open.end().isAfter(now)) {
            next = open.end();
        }
        if (quarterPoint.isAfter(now) && quarterPoint.isBefore(next)) {
            next = quarterPoint;
        }
        if (open.start().isAfter(now) && open.start().isBefore(next)) {
            next = open.start();
        }
        return next;
    }

    /** The subject of a commitment period's alerts: {@code commitment:<commitmentId>:<periodStart>}. */
    public static String subject(Object commitmentId, CommitmentPeriod period) {
        return "commitment:" + commitmentId + ":" + period.startDate();
    }
}
