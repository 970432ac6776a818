package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.BusinessTime;
import io.accord.calendar.TimeRange;
import io.accord.calendar.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClockCalendarsTest {

    private static BusinessCalendar weekdays(String zone) {
        List<WeeklyInterval> hours = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyInterval(d, 9 * 60, 17 * 60));
        }
        return new BusinessCalendar(ZoneId.of(zone), hours, Set.of());
    }

    private static final BusinessCalendar BERLIN = weekdays("Europe/Berlin");
    private static final BusinessCalendar NEW_YORK = weekdays("America/New_York");
    /** Monday 2026-11-23 09:00 Berlin. */
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void eachModeCountsItsHours() {
        Duration four = Duration.ofHours(4);
        assertEquals(Instant.parse("2026-11-23T12:00:00Z"),
                ClockCalendars.of(BERLIN, Optional.of(NEW_YORK), "team", List.of()).due(START, four));
        assertEquals(Instant.parse("2026-11-23T18:00:00Z"),
                ClockCalendars.of(BERLIN, Optional.of(NEW_YORK), "owner", List.of()).due(START, four));
        assertEquals(Instant.parse("2026-11-24T16:00:00Z"),
                ClockCalendars.of(BERLIN, Optional.of(NEW_YORK), "both", List.of()).due(START, four));
    }

    @Test
    void anOwnerWithoutACalendarFollowsTheTeamsInEveryMode() {
        for (String mode : ClockCalendars.MODES) {
            assertEquals(Instant.parse("2026-11-23T12:00:00Z"),
                    ClockCalendars.of(BERLIN, Optional.empty(), mode, List.of()).due(START, Duration.ofHours(4)), mode);
        }
        assertTrue(ClockCalendars.needsOwner("both"));
        assertFalse(ClockCalendars.needsOwner("team"));
    }

    @Test
    void absencesAreClosed() {
        BusinessTime time = ClockCalendars.of(BERLIN, Optional.empty(), "team", List.of(
                new TimeRange(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T15:00:00Z"))));
        assertFalse(time.isOpen(Instant.parse("2026-11-23T11:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), time.due(START, Duration.ofHours(4)));
    }
}
