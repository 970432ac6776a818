package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.WeeklyInterval;
import io.accord.common.FieldError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SlaPolicyRules (validation, normal form), MilestoneTarget (deadlines) and ClockRules (meeting). */
class SlaRulesTest {

    private static SlaPolicyRequest.MilestoneSpec m(String kind, String target, String warnAt, String escalate, Integer attempts) {
        return new SlaPolicyRequest.MilestoneSpec(kind, target, warnAt == null ? null : new BigDecimal(warnAt), escalate, attempts);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void validPolicyIsNormalised() {
        SlaPolicyRequest r = new SlaPolicyRequest("tier-a", " Tier A ", null, null, "emea",
                new SlaPolicyRequest.Conditions(List.of("A", "A"), null, List.of(), List.of("de", "FR"), null),
                List.of(m("first_touch", "PT4H", "0.75", "PT2H", null), m("attempts", "P5D", null, null, 3)));
        assertEquals(List.of(), SlaPolicyRules.validate(r, true));
        SlaPolicyRules.Definition d = SlaPolicyRules.normalize(r);
        assertEquals("Tier A", d.name());
        assertEquals(0, d.priority());
        assertTrue(d.enabled());
        assertEquals(List.of("A"), d.conditions().tiers());
        assertEquals(List.of("DE", "FR"), d.conditions().countries());
        assertEquals(2, d.conditions().specificity());
        assertEquals(Duration.ofHours(4), d.milestones().get(0).target());
    }

    @Test
    void everyInvalidFieldIsNamed() {
        SlaPolicyRequest r = new SlaPolicyRequest("Bad Key", "", 2_000_000, true, null,
                new SlaPolicyRequest.Conditions(List.of(" "), null, null, List.of("Germany"), null),
                List.of(m("first_touch", "4 hours", "1.5", "-PT1H", 2), m("first_touch", "PT0S", "0", null, null),
                        m("attempts", "PT0.5S", null, "P400D", null), m("lunch", null, null, null, null)));
        List<String> f = fields(SlaPolicyRules.validate(r, true));
        for (String expected : List.of("key", "name", "priority", "calendarKey", "conditions.tiers[0]",
                "conditions.countries[0]", "milestones[0].target", "milestones[0].warnAt", "milestones[0].escalateAfter",
                "milestones[0].attempts", "milestones[1].kind", "milestones[1].target", "milestones[1].warnAt",
                "milestones[2].target", "milestones[2].escalateAfter", "milestones[2].attempts", "milestones[3].kind",
                "milestones[3].target")) {
            assertTrue(f.contains(expected), expected + " missing from " + f);
        }
        assertEquals(List.of("key", "milestones"), fields(SlaPolicyRules.validate(
                new SlaPolicyRequest(null, "x", 0, true, "cal", null, List.of()), true)));
    }

    /** Monday to Friday 09:00-17:00 UTC. */
    private static final BusinessCalendar NINE_TO_FIVE = new BusinessCalendar(ZoneId.of("UTC"),
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    .stream().map(d -> new WeeklyInterval(d, 9 * 60, 17 * 60)).toList(), List.of());

    @Test
    void deadlinesComeFromTheCalendar() {
        // Friday 2026-11-20 15:00 UTC; 2h left on Friday.
        Instant start = Instant.parse("2026-11-20T15:00:00Z");
        MilestoneTarget t = new MilestoneTarget(Milestone.FIRST_TOUCH, Duration.ofHours(4), new BigDecimal("0.75"),
                Duration.ofHours(2), null);
        MilestoneTarget.Deadlines d = t.deadlines(start, NINE_TO_FIVE::due);
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), d.warnAt(), "3h: 2h Friday + 1h Monday");
        assertEquals(Instant.parse("2026-11-23T11:00:00Z"), d.dueAt(), "4h: 2h Friday + 2h Monday");
        assertEquals(Instant.parse("2026-11-23T13:00:00Z"), d.escalateAt(), "due + 2h");
        MilestoneTarget bare = new MilestoneTarget(Milestone.DECISION, Duration.ofDays(1), null, null, null);
        MilestoneTarget.Deadlines d2 = bare.deadlines(start, NINE_TO_FIVE::due);
        assertEquals(null, d2.warnAt());
        assertEquals(null, d2.escalateAt());
        // 24h of business time: 2h Friday, 8h Mon, 8h Tue, 6h Wed → Wednesday 15:00.
        assertEquals(Instant.parse("2026-11-25T15:00:00Z"), d2.dueAt());
    }

    @Test
    void warnOffsetRoundsHalfUpToTheSecondAndIsAtLeastOneSecond() {
        assertEquals(Duration.ofSeconds(2), new MilestoneTarget(Milestone.DECISION, Duration.ofSeconds(3),
                new BigDecimal("0.5"), null, null).warnOffset(), "1.5s rounds up");
        assertEquals(Duration.ofSeconds(1), new MilestoneTarget(Milestone.DECISION, Duration.ofSeconds(1),
                new BigDecimal("0.2"), null, null).warnOffset());
        assertEquals(Duration.ofSeconds(10800), new MilestoneTarget(Milestone.DECISION, Duration.ofHours(4),
                new BigDecimal("0.75"), null, null).warnOffset());
        assertEquals(Duration.ofSeconds(3333), new MilestoneTarget(Milestone.DECISION, Duration.ofSeconds(9999),
                new BigDecimal("0.33335"), null, null).warnOffset(), "3333.17 rounds down");
    }

    @Test
    void touchMilestonesAreMetByTheFirstOrNthTouchSinceTheStart() {
        Instant start = Instant.parse("2026-11-20T15:00:00Z");
        List<Instant> touches = new ArrayList<>(List.of(Instant.parse("2026-11-20T16:00:00Z"),
                Instant.parse("2026-11-20T14:00:00Z"), Instant.parse("2026-11-20T15:30:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-11-20T15:30:00Z")),
                ClockRules.metByTouches(Milestone.FIRST_TOUCH, null, start, touches), "the touch before the start does not count");
        assertEquals(Optional.of(Instant.parse("2026-11-20T16:00:00Z")),
                ClockRules.metByTouches(Milestone.ATTEMPTS, 2, start, touches));
        assertEquals(Optional.empty(), ClockRules.metByTouches(Milestone.ATTEMPTS, 3, start, touches));
        assertEquals(Optional.of(start), ClockRules.metByTouches(Milestone.FIRST_TOUCH, null, start, List.of(start)),
                "a touch at the start counts");
        assertEquals(Optional.empty(), ClockRules.metByTouches(Milestone.DECISION, null, start, touches));
    }

    @Test
    void lifecycleEventsMeetAndCancel() {
        assertEquals(java.util.EnumSet.of(Milestone.DECISION), ClockRules.metBy(SlaEvent.ACCEPTED));
        assertEquals(java.util.EnumSet.of(Milestone.DECISION, Milestone.QUALIFICATION), ClockRules.metBy(SlaEvent.REJECTED));
        assertEquals(java.util.EnumSet.of(Milestone.QUALIFICATION), ClockRules.metBy(SlaEvent.QUALIFIED));
        assertTrue(ClockRules.cancels(SlaEvent.REJECTED) && ClockRules.cancels(SlaEvent.RECYCLED)
                && ClockRules.cancels(SlaEvent.CLOSED));
        assertTrue(!ClockRules.cancels(SlaEvent.ACCEPTED) && !ClockRules.cancels(SlaEvent.QUALIFIED));
        assertTrue(ClockRules.late(Instant.parse("2026-01-01T00:00:01Z"), Instant.parse("2026-01-01T00:00:00Z")));
        assertTrue(!ClockRules.late(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
    }
}
