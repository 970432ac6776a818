package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Which whole months of a window the SLA rollups may serve, and what is left to read from the clocks. */
class SlaWindowTest {

    static ReportQuery query(String from, String to, Dimension groupBy, Map<Dimension, String> filters) {
        return new ReportQuery(Instant.parse(from), Instant.parse(to), groupBy, filters, Dimension.Subject.CLOCKS);
    }

    @Test
    void candidatesAreTheWholeUtcMonthsInsideTheWindow() {
        LocalDate[] c = SlaWindow.candidates(query("2025-11-21T15:47:37Z", "2026-11-22T15:47:37Z", null, Map.of()))
                .orElseThrow();
        assertEquals(LocalDate.of(2025, 12, 1), c[0]);
        assertEquals(LocalDate.of(2026, 10, 1), c[1]);

        c = SlaWindow.candidates(query("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", null, Map.of())).orElseThrow();
        assertEquals(LocalDate.of(2026, 1, 1), c[0]);
        assertEquals(LocalDate.of(2026, 2, 1), c[1]);

        // Berlin's January starts an hour before UTC's: the UTC month is not inside.
        assertTrue(SlaWindow.candidates(query("2025-12-31T23:00:00Z", "2026-01-31T23:00:00Z", null, Map.of()))
                .isEmpty());
        assertTrue(SlaWindow.candidates(query("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", null, Map.of()))
                .isEmpty());
    }

    @Test
    void rollupsServeOneDimensionAtATime() {
        String from = "2026-01-01T00:00:00Z";
        String to = "2026-03-01T00:00:00Z";
        assertTrue(SlaWindow.servable(query(from, to, Dimension.OWNER_ID, Map.of())));
        assertTrue(SlaWindow.servable(query(from, to, Dimension.OWNER_ID, Map.of(Dimension.OWNER_ID, "rep-1"))));
        assertTrue(SlaWindow.servable(query(from, to, null, Map.of(Dimension.TIER, "A"))));
        assertFalse(SlaWindow.servable(query(from, to, Dimension.OWNER_ID, Map.of(Dimension.TIER, "A"))));
        assertFalse(SlaWindow.servable(query(from, to, null, Map.of(Dimension.TIER, "A", Dimension.SOURCE, "web"))));
        assertTrue(SlaWindow.candidates(query(from, to, Dimension.OWNER_ID, Map.of(Dimension.TIER, "A"))).isEmpty());

        ReportQuery filtered = query(from, to, null, Map.of(Dimension.TIER, "A"));
        assertEquals("tier", SlaWindow.dimension(filtered, false));
        assertEquals("A", SlaWindow.key(filtered));
        ReportQuery grouped = query(from, to, Dimension.TEAM_KEY, Map.of());
        assertEquals("team_key", SlaWindow.dimension(grouped, true));
        assertEquals("total", SlaWindow.dimension(grouped, false));
    }

    @Test
    void theClocksFillTheEdgesAndTheGaps() {
        ReportQuery q = query("2026-01-10T05:00:00Z", "2026-06-20T00:00:00Z", null, Map.of());
        SlaWindow w = SlaWindow.of(q, List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 5, 1)));
        assertEquals(List.of(range("2026-01-10T05:00:00Z", "2026-02-01T00:00:00Z"),
                range("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"),
                range("2026-06-01T00:00:00Z", "2026-06-20T00:00:00Z")), w.raw());

        SlaWindow whole = SlaWindow.of(query("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", null, Map.of()),
                List.of(LocalDate.of(2026, 2, 1)));
        assertEquals(List.of(), whole.raw());
    }

    /** Months and raw spans never overlap and together cover the window exactly. */
    @Property
    void monthsAndSpansTileTheWindow(@ForAll @IntRange(min = 0, max = 400) int fromDays,
            @ForAll @IntRange(min = 1, max = 400) int lengthDays, @ForAll @IntRange(min = 0, max = 86_399) int seconds,
            @ForAll long servedMask) {
        Instant from = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(fromDays * 86_400L + seconds);
        Instant to = from.plusSeconds(lengthDays * 86_400L - seconds / 2);
        ReportQuery q = new ReportQuery(from, to, null, Map.of(), Dimension.Subject.CLOCKS);
        List<LocalDate> months = new ArrayList<>();
        SlaWindow.candidates(q).ifPresent(c -> {
            int i = 0;
            for (LocalDate m = c[0]; !m.isAfter(c[1]); m = m.plusMonths(1), i++) {
                if ((servedMask >>> (i % 64) & 1) == 1) {
                    months.add(m);
                }
            }
        });
        SlaWindow w = SlaWindow.of(q, months);
        List<ReportQuery.Range> all = new ArrayList<>(w.raw());
        months.forEach(m -> all.add(new ReportQuery.Range(SlaRollups.start(m), SlaRollups.start(m.plusMonths(1)))));
        all.sort((a, b) -> a.from().compareTo(b.from()));
        Instant cursor = from;
        for (ReportQuery.Range r : all) {
            assertEquals(cursor, r.from());
            assertTrue(r.to().isAfter(r.from()));
            cursor = r.to();
        }
        assertEquals(to, cursor);
    }

    private static ReportQuery.Range range(String from, String to) {
        return new ReportQuery.Range(Instant.parse(from), Instant.parse(to));
    }
}
