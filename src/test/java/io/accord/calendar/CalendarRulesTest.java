package io.accord.calendar;

import io.accord.calendar.CalendarRules.HolidaySpec;
import io.accord.calendar.CalendarRules.IntervalSpec;
import io.accord.common.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarRulesTest {

    private static final List<IntervalSpec> MONDAY = List.of(new IntervalSpec("monday", "09:00", "17:00"));

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static List<String> hoursErrors(IntervalSpec... hours) {
        return fields(CalendarRules.validate("Europe/Berlin", Arrays.asList(hours), List.of()));
    }

    private static List<String> holidayErrors(String... dates) {
        List<HolidaySpec> holidays = new ArrayList<>();
        for (String date : dates) {
            holidays.add(new HolidaySpec(date));
        }
        return fields(CalendarRules.validate("Europe/Berlin", MONDAY, holidays));
    }

    @Test
    void validCalendarHasNoErrors() {
        List<IntervalSpec> hours = List.of(
                new IntervalSpec("monday", "09:00", "12:00"),
                new IntervalSpec("monday", "12:00", "13:00"), // touching is fine
                new IntervalSpec("monday", "22:00", "24:00"),
                new IntervalSpec("tuesday", "00:00", "02:00"),
                new IntervalSpec("sunday", "00:00", "23:59"));
        List<HolidaySpec> holidays = List.of(new HolidaySpec("2026-12-24"), new HolidaySpec("2026-12-25"));
        assertEquals(List.of(), CalendarRules.validate("Europe/Berlin", hours, holidays));
        assertEquals(List.of(), CalendarRules.validate("Europe/Berlin", hours, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC", "Etc/UTC"})
    void ianaZonesAreAccepted(String zone) {
        assertEquals(List.of(), CalendarRules.validate(zone, MONDAY, List.of()));
        assertEquals(ZoneId.of(zone), CalendarRules.parseZone(zone).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "UTC+2", "GMT+1", "UTC+02:00", "Z", "europe/berlin", "Europe/Nowhere", "CET+1",
            " Europe/Berlin", ""})
    void offsetsAndUnknownZonesAreRejected(String zone) {
        assertEquals(List.of("timeZone"), fields(CalendarRules.validate(zone, MONDAY, List.of())));
    }

    @Test
    void missingZoneIsRejected() {
        assertEquals(List.of("timeZone"), fields(CalendarRules.validate(null, MONDAY, List.of())));
    }

    @Test
    void atLeastOneIntervalInTheWeek() {
        assertEquals(List.of("hours"), fields(CalendarRules.validate("UTC", List.of(), List.of())));
        assertEquals(List.of("hours"), fields(CalendarRules.validate("UTC", null, List.of())));
    }

    @Test
    void dayMustBeLowercaseEnglish() {
        assertEquals(List.of(), hoursErrors(new IntervalSpec("sunday", "09:00", "10:00")));
        assertEquals(List.of("hours[1].day"), hoursErrors(
                new IntervalSpec("monday", "09:00", "10:00"), new IntervalSpec("Monday", "09:00", "10:00")));
        assertEquals(List.of("hours[0].day"), hoursErrors(new IntervalSpec("mon", "09:00", "10:00")));
        assertEquals(List.of("hours[0].day"), hoursErrors(new IntervalSpec("montag", "09:00", "10:00")));
        assertEquals(List.of("hours[0].day"), hoursErrors(new IntervalSpec(null, "09:00", "10:00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9:00", "09:0", "09.00", "0900", "24:00", "25:00", "23:60", "-1:00", "09:00:00", "+9:00",
            " 9:00", "ab:cd"})
    void startMustBeTwoDigitTimeBefore24(String start) {
        assertEquals(List.of("hours[0].start"), hoursErrors(new IntervalSpec("monday", start, "24:00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9:00", "24:01", "25:00", "23:60", "0930", ""})
    void endMustBeTwoDigitTimeOr2400(String end) {
        assertEquals(List.of("hours[0].end"), hoursErrors(new IntervalSpec("monday", "09:00", end)));
    }

    @Test
    void endMayBe2400() {
        assertEquals(List.of(), hoursErrors(new IntervalSpec("monday", "00:00", "24:00")));
    }

    @Test
    void missingTimesAreRejected() {
        assertEquals(List.of("hours[0].start", "hours[0].end"), hoursErrors(new IntervalSpec("monday", null, null)));
        assertEquals(List.of("hours[0]"), hoursErrors((IntervalSpec) null));
    }

    @Test
    void startMustBeBeforeEnd() {
        assertEquals(List.of("hours[0].end"), hoursErrors(new IntervalSpec("monday", "10:00", "10:00")));
        assertEquals(List.of("hours[0].end"), hoursErrors(new IntervalSpec("monday", "10:00", "09:59")));
        assertEquals(List.of("hours[0].end"), hoursErrors(new IntervalSpec("monday", "10:00", "00:00")));
    }

    @Test
    void overlapsOfTheSameDayAreRejectedOnTheLaterInterval() {
        List<FieldError> errors = CalendarRules.validate("UTC", List.of(
                new IntervalSpec("monday", "13:00", "17:00"),
                new IntervalSpec("tuesday", "09:00", "12:00"),
                new IntervalSpec("monday", "09:00", "12:00"),
                new IntervalSpec("monday", "11:59", "13:00")), List.of());
        assertEquals(List.of(new FieldError("hours[3].start", "overlaps hours[2] (monday 09:00-12:00)")), errors);
    }

    @Test
    void containedAndIdenticalIntervalsOverlap() {
        assertEquals(List.of("hours[1].start"), hoursErrors(
                new IntervalSpec("friday", "08:00", "18:00"), new IntervalSpec("friday", "12:00", "13:00")));
        assertEquals(List.of("hours[1].start"), hoursErrors(
                new IntervalSpec("friday", "12:00", "13:00"), new IntervalSpec("friday", "12:00", "13:00")));
        // a long interval listed later but starting earlier is the one that is reported against
        assertEquals(List.of("hours[0].start", "hours[2].start"), hoursErrors(
                new IntervalSpec("friday", "12:00", "13:00"),
                new IntervalSpec("friday", "08:00", "18:00"),
                new IntervalSpec("friday", "17:00", "19:00")));
    }

    @Test
    void sameTimesOnDifferentDaysDoNotOverlap() {
        assertEquals(List.of(), hoursErrors(
                new IntervalSpec("monday", "09:00", "17:00"), new IntervalSpec("tuesday", "09:00", "17:00")));
    }

    @Test
    void touchingIntervalsAreAllowed() {
        assertEquals(List.of(), hoursErrors(
                new IntervalSpec("monday", "12:00", "13:00"), new IntervalSpec("monday", "09:00", "12:00")));
    }

    @Test
    void holidayDatesMustBeIsoDates() {
        assertEquals(List.of(), holidayErrors("2026-01-01", "2026-02-28", "2028-02-29"));
        assertEquals(List.of("holidays[1].date"), holidayErrors("2026-01-01", "2026-1-1"));
        assertEquals(List.of("holidays[0].date"), holidayErrors("2026-02-30"));
        assertEquals(List.of("holidays[0].date"), holidayErrors("2027-02-29"));
        assertEquals(List.of("holidays[0].date"), holidayErrors("01.01.2026"));
        assertEquals(List.of("holidays[0].date"), holidayErrors("2026-01-01T00:00"));
        assertEquals(List.of("holidays[0].date"), holidayErrors("+2026-01-01"));
        assertEquals(List.of("holidays[0].date"), holidayErrors((String) null));
        assertEquals(List.of("holidays[0]"),
                fields(CalendarRules.validate("UTC", MONDAY, Arrays.asList((HolidaySpec) null))));
    }

    @Test
    void duplicateHolidaysAreRejected() {
        assertEquals(List.of(new FieldError("holidays[2].date", "duplicates holidays[0]")),
                CalendarRules.validate("UTC", MONDAY, List.of(new HolidaySpec("2026-12-25"),
                        new HolidaySpec("2026-12-26"), new HolidaySpec("2026-12-25"))));
    }

    @Test
    void allErrorsAreReportedTogetherInFieldOrder() {
        List<FieldError> errors = CalendarRules.validate("GMT+1", List.of(
                new IntervalSpec("moonday", "9:00", "24:00"),
                new IntervalSpec("monday", "10:00", "09:00")), List.of(new HolidaySpec("x")));
        assertEquals(List.of("timeZone", "hours[0].day", "hours[0].start", "hours[1].end", "holidays[0].date"),
                fields(errors));
    }

    @Test
    void toCalendarBuildsTheCalendar() {
        BusinessCalendar calendar = CalendarRules.toCalendar("Europe/Berlin",
                List.of(new IntervalSpec("monday", "09:00", "17:00")), List.of(new HolidaySpec("2026-01-12")));
        assertEquals(ZoneId.of("Europe/Berlin"), calendar.zone());
        assertEquals(Duration.ofHours(8), calendar.weeklyBusinessTime());
        assertTrue(calendar.holidays().contains(java.time.LocalDate.of(2026, 1, 12)));
        // Monday 2026-01-12 is a holiday: the next Monday 09:00 CET
        assertEquals(Instant.parse("2026-01-19T09:00:00Z"),
                calendar.due(Instant.parse("2026-01-12T00:00:00Z"), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> CalendarRules.toCalendar("UTC+2", MONDAY, List.of()));
    }

    @Test
    void timeOfDayParsing() {
        assertEquals(0, WeeklyInterval.parseTimeOfDay("00:00"));
        assertEquals(23 * 60 + 59, WeeklyInterval.parseTimeOfDay("23:59"));
        assertEquals(1440, WeeklyInterval.parseTimeOfDay("24:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyInterval.parseTimeOfDay("24:30"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyInterval.parseTimeOfDay(null));
        assertEquals("24:00", WeeklyInterval.formatTimeOfDay(1440));
    }
}
