package io.accord.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.WeeklyInterval;
import io.accord.people.AssigneePicker.Strategy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssigneePickerTest {

    private static final List<String> POOL = List.of("rep-c", "rep-a", "rep-b");

    @Test
    void roundRobinContinuesAfterTheLastAssignedInStableOrder() {
        assertEquals(Optional.of("rep-a"), pick(Strategy.ROUND_ROBIN, null, Set.of(), Set.of()));
        assertEquals(Optional.of("rep-b"), pick(Strategy.ROUND_ROBIN, "rep-a", Set.of(), Set.of()));
        assertEquals(Optional.of("rep-a"), pick(Strategy.ROUND_ROBIN, "rep-c", Set.of(), Set.of()));
    }

    @Test
    void roundRobinContinuesWhenTheLastAssignedLeftThePool() {
        assertEquals(Optional.of("rep-b"), pick(Strategy.ROUND_ROBIN, "rep-aa", Set.of(), Set.of()));
        assertEquals(Optional.of("rep-a"), pick(Strategy.ROUND_ROBIN, "rep-z", Set.of(), Set.of()));
    }

    @Test
    void skipsExcludedAndUnavailableMembers() {
        assertEquals(Optional.of("rep-c"), pick(Strategy.ROUND_ROBIN, "rep-a", Set.of("rep-b"), Set.of()));
        assertEquals(Optional.of("rep-c"), pick(Strategy.ROUND_ROBIN, "rep-a", Set.of(), Set.of("rep-b")));
        assertEquals(Optional.empty(), pick(Strategy.ROUND_ROBIN, "rep-a", Set.of("rep-a", "rep-b"), Set.of("rep-c")));
        assertEquals(Optional.empty(), AssigneePicker.pick(Strategy.ROUND_ROBIN, List.of(), null, Set.of(), id -> true,
                Map.of()));
    }

    @Test
    void leastLoadedTakesTheFewestLiveClocksAndBreaksTiesByRotation() {
        Map<String, Integer> loads = Map.of("rep-a", 3, "rep-b", 1, "rep-c", 1);
        assertEquals(Optional.of("rep-b"), AssigneePicker.pick(Strategy.LEAST_LOADED, POOL, null, Set.of(),
                id -> true, loads));
        assertEquals(Optional.of("rep-c"), AssigneePicker.pick(Strategy.LEAST_LOADED, POOL, "rep-b", Set.of(),
                id -> true, loads));
        // A member without a count has none.
        assertEquals(Optional.of("rep-a"), AssigneePicker.pick(Strategy.LEAST_LOADED, POOL, "rep-c", Set.of(),
                id -> true, Map.of("rep-b", 1, "rep-c", 1)));
        assertEquals(Optional.of("rep-c"), AssigneePicker.pick(Strategy.LEAST_LOADED, POOL, null, Set.of("rep-b"),
                id -> true, loads));
    }

    @Test
    void strategiesHaveWireNames() {
        assertEquals(Optional.of(Strategy.LEAST_LOADED), Strategy.parse("least_loaded"));
        assertEquals("round_robin", Strategy.ROUND_ROBIN.wire());
        assertEquals(Optional.empty(), Strategy.parse("random"));
    }

    @Test
    void availabilityCountsAbsencesHalfOpenAndOwnHoursOnlyWhenRequired() {
        Instant nine = Instant.parse("2026-11-23T08:00:00Z"); // Monday 09:00 Berlin
        List<Availability.Absence> absences = List.of(new Availability.Absence(nine, nine.plusSeconds(3600)));
        assertEquals(true, Availability.absent(absences, nine));
        assertEquals(true, Availability.absent(absences, nine.plusSeconds(3599)));
        assertEquals(false, Availability.absent(absences, nine.plusSeconds(3600)));
        assertEquals(false, Availability.absent(absences, nine.minusNanos(1)));
        BusinessCalendar mornings = new BusinessCalendar(ZoneId.of("Europe/Berlin"),
                List.of(WeeklyInterval.of(DayOfWeek.MONDAY, "09:00", "12:00"),
                        WeeklyInterval.of(DayOfWeek.MONDAY, "13:00", "17:00")), List.of());
        Instant lunch = Instant.parse("2026-11-23T11:30:00Z"); // 12:30 Berlin
        assertEquals(true, Availability.available(true, List.of(), mornings, false, lunch));
        assertEquals(false, Availability.available(true, List.of(), mornings, true, lunch));
        assertEquals(true, Availability.available(true, List.of(), mornings, true, lunch.plusSeconds(1800)));
        assertEquals(true, Availability.available(true, List.of(), null, true, lunch));
        assertEquals(false, Availability.available(false, List.of(), null, false, lunch));
        assertEquals(false, Availability.available(true, absences, null, false, nine));
    }

    private static Optional<String> pick(Strategy strategy, String last, Set<String> excluded, Set<String> away) {
        return AssigneePicker.pick(strategy, POOL, last, excluded, id -> !away.contains(id), Map.of());
    }
}
