package io.accord.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed examples; expected instants are written in UTC. */
class BusinessCalendarExamplesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    /** Berlin, Monday to Friday 09:00-12:00 and 13:00-17:00: 7 hours a day. */
    private static BusinessCalendar office(LocalDate... holidays) {
        List<WeeklyInterval> hours = new ArrayList<>();
        for (DayOfWeek day : WEEKDAYS) {
            hours.add(WeeklyInterval.of(day, "09:00", "12:00"));
            hours.add(WeeklyInterval.of(day, "13:00", "17:00"));
        }
        return new BusinessCalendar(BERLIN, hours, List.of(holidays));
    }

    private static BusinessCalendar calendar(ZoneId zone, WeeklyInterval... hours) {
        return new BusinessCalendar(zone, List.of(hours), Set.of());
    }

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    @Test
    void startOnFridayEveningRollsToMonday() {
        // Friday 18:30 CET -> Monday 09:00 + 1h = 10:00 CET
        assertEquals(utc("2026-01-12T09:00:00Z"), office().due(utc("2026-01-09T17:30:00Z"), Duration.ofHours(1)));
    }

    @Test
    void startOnHolidayBeginsNextBusinessDay() {
        // Thursday 2026-01-01 10:00 CET is a holiday -> Friday 09:00 + 2h = 11:00 CET
        BusinessCalendar calendar = office(LocalDate.of(2026, 1, 1));
        assertEquals(utc("2026-01-02T10:00:00Z"), calendar.due(utc("2026-01-01T09:00:00Z"), Duration.ofHours(2)));
        assertFalse(calendar.isOpen(utc("2026-01-01T09:00:00Z")));
        assertEquals(Optional.of(utc("2026-01-02T08:00:00Z")), calendar.nextChange(utc("2026-01-01T09:00:00Z")));
    }

    @Test
    void deadlineCrossingSpringForwardInBerlin() {
        // Friday 16:00 CET: 1h left on Friday, then Monday 09:00-10:00 CEST (UTC+2)
        BusinessCalendar calendar = office();
        Instant start = utc("2026-03-27T15:00:00Z");
        assertEquals(utc("2026-03-30T08:00:00Z"), calendar.due(start, Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), calendar.businessTime(start, utc("2026-03-30T08:00:00Z")));
    }

    @Test
    void fullDayOnSpringForwardSundayLasts23Hours() {
        // Sunday 2026-03-29 00:00 CET (Sat 23:00Z) .. 24:00 = Monday 00:00 CEST (Sun 22:00Z)
        BusinessCalendar calendar = calendar(BERLIN, WeeklyInterval.of(SUNDAY, "00:00", "24:00"));
        assertEquals(Duration.ofHours(23),
                calendar.businessTime(utc("2026-03-28T00:00:00Z"), utc("2026-03-30T00:00:00Z")));
        assertEquals(utc("2026-03-29T22:00:00Z"), calendar.due(utc("2026-03-28T23:00:00Z"), Duration.ofHours(23)));
    }

    @Test
    void deadlineCrossingFallBackInNewYork() {
        // Monday-Friday 09:00-17:00 New York; Friday 16:00 EDT (20:00Z): 1h, then Monday 09:00-11:00 EST (UTC-5)
        List<WeeklyInterval> hours = WEEKDAYS.stream().map(d -> WeeklyInterval.of(d, "09:00", "17:00")).toList();
        BusinessCalendar calendar = new BusinessCalendar(NEW_YORK, hours, Set.of());
        assertEquals(utc("2026-11-02T16:00:00Z"), calendar.due(utc("2026-10-30T20:00:00Z"), Duration.ofHours(3)));
    }

    @Test
    void ambiguousLocalTimeTakesEarlierOffset() {
        // Sunday 2026-11-01 01:00 is ambiguous in New York -> 01:00 EDT (05:00Z); 02:00 is EST (07:00Z): 2 hours
        BusinessCalendar calendar = calendar(NEW_YORK, WeeklyInterval.of(SUNDAY, "01:00", "02:00"));
        assertEquals(Duration.ofHours(2),
                calendar.businessTime(utc("2026-11-01T00:00:00Z"), utc("2026-11-02T00:00:00Z")));
        assertTrue(calendar.isOpen(utc("2026-11-01T06:30:00Z"))); // 01:30 EST, the second 01:30
        assertEquals(Optional.of(utc("2026-11-01T07:00:00Z")), calendar.nextChange(utc("2026-11-01T05:00:00Z")));
        // an ordinary Sunday has one hour
        assertEquals(Duration.ofHours(1),
                calendar.businessTime(utc("2026-11-08T00:00:00Z"), utc("2026-11-09T00:00:00Z")));
    }

    @Test
    void intervalInsideDstGapIsEmpty() {
        // 2026-03-08 02:00 and 03:00 in New York both become 03:00 EDT: the Sunday interval is empty that week
        BusinessCalendar calendar = calendar(NEW_YORK,
                WeeklyInterval.of(SUNDAY, "02:00", "03:00"), WeeklyInterval.of(MONDAY, "09:00", "10:00"));
        assertEquals(Duration.ZERO, calendar.businessTime(utc("2026-03-07T00:00:00Z"), utc("2026-03-09T00:00:00Z")));
        assertFalse(calendar.isOpen(utc("2026-03-08T07:00:00Z")));
        // Saturday noon + 1h -> Monday 09:00-10:00 EDT
        assertEquals(utc("2026-03-09T14:00:00Z"), calendar.due(utc("2026-03-07T17:00:00Z"), Duration.ofHours(1)));
        // the next Sunday is normal again: 02:00-03:00 EDT
        assertEquals(Optional.of(utc("2026-03-15T06:00:00Z")), calendar.nextChange(utc("2026-03-09T14:00:00Z")));
    }

    @Test
    void intervalPartlyInsideDstGapIsShortened() {
        // 02:30 moves forward to 03:30 EDT (07:30Z); 04:00 EDT is 08:00Z
        BusinessCalendar calendar = calendar(NEW_YORK, WeeklyInterval.of(SUNDAY, "02:30", "04:00"));
        assertEquals(Duration.ofMinutes(30),
                calendar.businessTime(utc("2026-03-08T00:00:00Z"), utc("2026-03-09T00:00:00Z")));
        assertEquals(utc("2026-03-08T07:40:00Z"), calendar.due(utc("2026-03-08T00:00:00Z"), Duration.ofMinutes(10)));
    }

    @Test
    void midnightSpanningShift() {
        // Monday 22:00-24:00 + Tuesday 00:00-02:00 Berlin (CET): one open span 21:00Z..01:00Z
        BusinessCalendar calendar = calendar(BERLIN,
                WeeklyInterval.of(MONDAY, "22:00", "24:00"), WeeklyInterval.of(TUESDAY, "00:00", "02:00"));
        assertEquals(Optional.of(utc("2026-01-12T21:00:00Z")), calendar.nextChange(utc("2026-01-12T20:00:00Z")));
        assertEquals(Optional.of(utc("2026-01-13T01:00:00Z")), calendar.nextChange(utc("2026-01-12T21:30:00Z")));
        assertTrue(calendar.isOpen(utc("2026-01-12T23:00:00Z")));
        assertEquals(utc("2026-01-13T01:00:00Z"), calendar.due(utc("2026-01-12T21:00:00Z"), Duration.ofHours(4)));
        assertEquals(Optional.of(utc("2026-01-19T21:00:00Z")), calendar.nextChange(utc("2026-01-13T01:00:00Z")));
    }

    @Test
    void touchingIntervalsAreOneOpenSpan() {
        BusinessCalendar calendar = calendar(BERLIN,
                WeeklyInterval.of(MONDAY, "12:00", "13:00"), WeeklyInterval.of(MONDAY, "13:00", "14:00"));
        assertEquals(Optional.of(utc("2026-01-12T13:00:00Z")), calendar.nextChange(utc("2026-01-12T11:30:00Z")));
    }

    @Test
    void endOfIntervalExactlyReturnsThatEnd() {
        // Monday 09:00 CET + 3h = 12:00, not 13:00 after lunch
        assertEquals(utc("2026-01-12T11:00:00Z"), office().due(utc("2026-01-12T08:00:00Z"), Duration.ofHours(3)));
    }

    @Test
    void lunchBreakIsSkipped() {
        // Monday 11:00 CET + 2h: 11:00-12:00 and 13:00-14:00
        assertEquals(utc("2026-01-12T13:00:00Z"), office().due(utc("2026-01-12T10:00:00Z"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2),
                office().businessTime(utc("2026-01-12T10:00:00Z"), utc("2026-01-12T13:00:00Z")));
    }

    @Test
    void fractionsOfSecondsAreKept() {
        Instant start = utc("2026-01-12T10:59:59.250Z"); // Monday 11:59:59.25 CET, 0.75 s before lunch
        assertEquals(utc("2026-01-12T12:00:00.250Z"), office().due(start, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(1250), office().businessTime(start, utc("2026-01-12T12:00:00.500Z")));
    }

    @Test
    void calendarWithoutBusinessTimeThrows() {
        BusinessCalendar empty = new BusinessCalendar(BERLIN, List.of(), Set.of());
        Instant start = utc("2026-01-01T00:00:00Z");
        assertThrows(NoBusinessTimeException.class, () -> empty.due(start, Duration.ofHours(1)));
        assertFalse(empty.isOpen(start));
        assertEquals(Optional.empty(), empty.nextChange(start));
        assertEquals(Duration.ZERO, empty.businessTime(start, start.plus(Duration.ofDays(400))));
    }

    @Test
    void businessTimeBeyondTheHorizonThrows() {
        // Only Mondays are open, and every Monday of the next 11 years is a holiday.
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 5); d.isBefore(LocalDate.of(2037, 1, 31)); d = d.plusWeeks(1)) {
            holidays.add(d);
        }
        BusinessCalendar calendar = new BusinessCalendar(BERLIN, List.of(WeeklyInterval.of(MONDAY, "09:00", "10:00")),
                holidays);
        Instant start = utc("2026-01-01T00:00:00Z");
        assertThrows(NoBusinessTimeException.class, () -> calendar.due(start, Duration.ofHours(1)));
        assertEquals(Optional.empty(), calendar.nextChange(start));
        // 11 years and a few weeks later, Mondays are open again
        assertEquals(utc("2037-02-02T09:00:00Z"), calendar.due(utc("2037-01-30T00:00:00Z"), Duration.ofHours(1)));
    }

    @Test
    void threeHundredBusinessHoursIsCheap() {
        // 300h = 42 days of 7h + 6h: from Monday 2026-01-05 09:00 CET through Tuesday 2026-03-03, then
        // Wednesday 2026-03-04 09:00-12:00 and 13:00-16:00 CET
        BusinessCalendar calendar = office();
        Instant start = utc("2026-01-05T08:00:00Z");
        assertEquals(utc("2026-03-04T15:00:00Z"), calendar.due(start, Duration.ofHours(300)));
        long began = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            calendar.due(start.plusSeconds(i * 3607L), Duration.ofHours(300));
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(millis < 2000, "1000 deadlines of 300 business hours took " + millis + " ms");
    }

    @Test
    void a366DayDeadlineOnOneHourAWeekIsCheap() {
        // 366 days = 8784 business hours = 8784 Mondays 09:00-10:00; the first one is 2026-01-05
        BusinessCalendar calendar = new BusinessCalendar(BERLIN, List.of(WeeklyInterval.of(MONDAY, "09:00", "10:00")),
                List.of(LocalDate.of(2030, 6, 3)));
        Instant start = utc("2026-01-05T00:00:00Z");
        Instant expected = ZonedDateTime.of(LocalDateTime.of(2026, 1, 5, 10, 0), BERLIN)
                .plusWeeks(8783 + 1).toInstant(); // one extra week for the holiday
        long began = System.nanoTime();
        assertEquals(expected, calendar.due(start, Duration.ofDays(366)));
        assertEquals(Duration.ofDays(366), calendar.businessTime(start, expected));
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(millis < 500, "took " + millis + " ms");
    }

    @Test
    void longDeadlineStartingRightAfterSpringForward() {
        // Sundays 02:30-04:00 New York. From the transition instant 2026-03-08 03:00 EDT (07:00Z) that Sunday has
        // only 03:30-04:00 EDT (02:30 lies in the gap): 0.5h, then 1.5h on each following Sunday; the 10th hour
        // ends on 2026-04-26 at 03:00 EDT. Long enough for whole weeks to be skipped after the first one.
        BusinessCalendar calendar = calendar(NEW_YORK, WeeklyInterval.of(SUNDAY, "02:30", "04:00"));
        assertEquals(utc("2026-04-26T07:00:00Z"), calendar.due(utc("2026-03-08T07:00:00Z"), Duration.ofHours(10)));
        assertEquals(Duration.ofHours(10),
                calendar.businessTime(utc("2026-03-08T07:00:00Z"), utc("2026-04-26T07:00:00Z")));
    }

    @Test
    void kathmanduOffsetOfFiveHoursFortyFive() {
        // Monday 2026-06-01 08:45 +05:45 (03:00Z) -> opens 09:00, + 1h = 10:00 +05:45 = 04:15Z
        BusinessCalendar calendar = calendar(ZoneId.of("Asia/Kathmandu"), WeeklyInterval.of(MONDAY, "09:00", "17:00"));
        assertEquals(utc("2026-06-01T04:15:00Z"), calendar.due(utc("2026-06-01T03:00:00Z"), Duration.ofHours(1)));
        assertEquals(Optional.of(utc("2026-06-01T03:15:00Z")), calendar.nextChange(utc("2026-06-01T03:00:00Z")));
    }

    @Test
    void lordHoweHalfHourDst() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        BusinessCalendar sundays = calendar(lordHowe, WeeklyInterval.of(SUNDAY, "00:00", "24:00"));
        // 2026-10-04: 02:00 +10:30 jumps to 02:30 +11:00, the Sunday lasts 23.5h (Sat 13:30Z .. Sun 13:00Z)
        assertEquals(Duration.ofMinutes(23 * 60 + 30),
                sundays.businessTime(utc("2026-10-03T00:00:00Z"), utc("2026-10-05T00:00:00Z")));
        assertEquals(utc("2026-10-03T16:30:00Z"), sundays.due(utc("2026-10-03T13:30:00Z"), Duration.ofHours(3)));
        // 2026-04-05: 02:00 +11:00 falls back to 01:30 +10:30, the Sunday lasts 24.5h (Sat 13:00Z .. Sun 13:30Z)
        assertEquals(Duration.ofMinutes(24 * 60 + 30),
                sundays.businessTime(utc("2026-04-04T00:00:00Z"), utc("2026-04-06T00:00:00Z")));
        // 01:30-02:00 on that day: 01:30 is ambiguous -> +11:00 (14:30Z), 02:00 is +10:30 (15:30Z): one hour
        BusinessCalendar ambiguous = calendar(lordHowe, WeeklyInterval.of(SUNDAY, "01:30", "02:00"));
        assertEquals(Duration.ofHours(1),
                ambiguous.businessTime(utc("2026-04-04T00:00:00Z"), utc("2026-04-06T00:00:00Z")));
        // 02:00-02:30 on 2026-10-04 lies in the gap
        BusinessCalendar gap = calendar(lordHowe, WeeklyInterval.of(SUNDAY, "02:00", "02:30"));
        assertEquals(Duration.ZERO, gap.businessTime(utc("2026-10-03T00:00:00Z"), utc("2026-10-05T00:00:00Z")));
    }

    @Test
    void businessTimeIsZeroForEmptyOrReversedRanges() {
        Instant at = utc("2026-01-12T10:00:00Z");
        assertEquals(Duration.ZERO, office().businessTime(at, at));
        assertEquals(Duration.ZERO, office().businessTime(at, at.minusSeconds(3600)));
    }

    @Test
    void dueRejectsInvalidDurations() {
        Instant at = utc("2026-01-12T10:00:00Z");
        BusinessCalendar calendar = office();
        assertThrows(IllegalArgumentException.class, () -> calendar.due(at, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> calendar.due(at, Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> calendar.due(at, Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> calendar.due(at, Duration.ofDays(366).plusSeconds(1)));
        calendar.due(at, Duration.ofDays(366));
    }

    @Test
    void overlappingWeeklyIntervalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> calendar(BERLIN,
                WeeklyInterval.of(MONDAY, "09:00", "12:00"), WeeklyInterval.of(MONDAY, "11:00", "13:00")));
        assertThrows(IllegalArgumentException.class, () -> WeeklyInterval.of(MONDAY, "24:00", "24:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyInterval.of(MONDAY, "10:00", "10:00"));
    }
}
