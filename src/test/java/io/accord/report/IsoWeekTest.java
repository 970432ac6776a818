package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void weekFortySevenOf2026StartsOnMondayTheSixteenth() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertEquals(LocalDate.of(2026, 11, 16), w.monday());
        assertEquals(Instant.parse("2026-11-15T23:00:00Z"), w.start(ZoneId.of("Europe/Berlin")));
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), w.end(ZoneId.of("Europe/Berlin")));
        assertEquals("2026-W46", w.before().toString());
    }

    @Test
    void weekOneMayBeginInThePreviousYear() {
        assertEquals(LocalDate.of(2025, 12, 29), IsoWeek.parse("2026-W01").monday());
        assertEquals("2026-W01", IsoWeek.of(LocalDate.of(2025, 12, 31)).toString());
        assertEquals("2026-W53", IsoWeek.of(LocalDate.of(2027, 1, 3)).toString());
        assertEquals("2025-W52", IsoWeek.parse("2026-W01").before().toString());
    }

    @Test
    void refusesMalformedWeeksAndWeeksBeyondTheYear() {
        assertEquals("must be an ISO week such as 2026-W47",
                assertThrows(IsoWeek.InvalidWeekException.class, () -> IsoWeek.parse("2026-47")).getMessage());
        assertThrows(IsoWeek.InvalidWeekException.class, () -> IsoWeek.parse("2026-W00"));
        assertEquals("2025 has weeks 01 to 52", // 2025 has 52 weeks
                assertThrows(IsoWeek.InvalidWeekException.class, () -> IsoWeek.parse("2025-W53")).getMessage());
        assertEquals("2026-W53", IsoWeek.parse("2026-W53").toString()); // 2026 has 53
    }

    @Test
    void theDefaultIsTheLastCompleteWeekInTheZone() {
        // Monday 2026-11-23 00:30 in Berlin is still Sunday in UTC.
        Instant now = Instant.parse("2026-11-22T23:30:00Z");
        assertEquals("2026-W47", IsoWeek.previous(now, ZoneId.of("Europe/Berlin")).toString());
        assertEquals("2026-W46", IsoWeek.previous(now, ZoneId.of("UTC")).toString());
    }
}
