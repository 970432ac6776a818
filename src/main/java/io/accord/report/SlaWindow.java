package io.accord.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an SLA compliance report reads its window [from, to) from: the whole UTC months that are built and have not
 * changed since, from the monthly rollups ({@link SlaRollups}); the rest, {@code raw}, from the clocks. A rollup row
 * holds one dimension, so rollups serve a report grouped by at most one dimension and filtered at most on that same
 * one; any other report reads the clocks alone.
 *
 * @param months the months read from the rollups, in order
 * @param raw the spans read from the clocks: the window less those months
 */
record SlaWindow(List<LocalDate> months, List<ReportQuery.Range> raw) {

    /**
     * The months in [$1, $2] that are built and have no change noted since; the report's snapshot decides, the same
     * one its statements read.
     */
    static final String FRESH = "select m.month from sla_rollup_months m where m.month >= $1 and m.month <= $2 "
            + "and not exists (select 1 from sla_rollup_changes c where c.month = m.month) order by m.month";

    /** The whole window from the clocks. */
    static SlaWindow clocksOnly(ReportQuery q) {
        return new SlaWindow(List.of(), List.of(new ReportQuery.Range(q.from(), q.to())));
    }

    /** The first and last whole UTC month inside the window, when the rollups can serve the report at all. */
    static Optional<LocalDate[]> candidates(ReportQuery q) {
        if (!servable(q)) {
            return Optional.empty();
        }
        LocalDate first = monthOf(q.from());
        if (SlaRollups.start(first).isBefore(q.from())) {
            first = first.plusMonths(1);
        }
        // The month holding `to` ends after it, so the last whole month is the one before.
        LocalDate last = monthOf(q.to()).minusMonths(1);
        return first.isAfter(last) ? Optional.empty() : Optional.of(new LocalDate[] {first, last});
    }

    /** Grouped by at most one dimension, and filtered at most on that one. */
    static boolean servable(ReportQuery q) {
        if (q.filters().size() > 1) {
            return false;
        }
        return q.filters().isEmpty() || q.groupBy() == null || q.filters().containsKey(q.groupBy());
    }

    /** The window less {@code months} (whole months inside it, in order), as spans read from the clocks. */
    static SlaWindow of(ReportQuery q, List<LocalDate> months) {
        List<ReportQuery.Range> raw = new ArrayList<>();
        Instant cursor = q.from();
        for (LocalDate m : months) {
            Instant start = SlaRollups.start(m);
            if (start.isAfter(cursor)) {
                raw.add(new ReportQuery.Range(cursor, start));
            }
            cursor = SlaRollups.start(m.plusMonths(1));
        }
        if (cursor.isBefore(q.to())) {
            raw.add(new ReportQuery.Range(cursor, q.to()));
        }
        return new SlaWindow(List.copyOf(months), List.copyOf(raw));
    }

    /**
     * The rollup dimension a statement reads: the grouping for the grouped statements; for the overall ones, the
     * filtered dimension, or the total.
     */
    static String dimension(ReportQuery q, boolean grouped) {
        if (grouped) {
            return q.groupColumn();
        }
        return q.filters().isEmpty() ? "total"
                : q.filters().keySet().iterator().next().column(Dimension.Subject.CLOCKS);
    }

    /** The rollup key a statement is restricted to: the filter's value; null without a filter. */
    static String key(ReportQuery q) {
        return q.filters().values().stream().findFirst().orElse(null);
    }

    private static LocalDate monthOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
