package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClockCheckTest {

    private static final Instant WARN = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-23T11:00:00Z");
    private static final Instant ESCALATE = Instant.parse("2026-11-23T13:00:00Z");

    @Test
    void beforeTheWarningNothingHappensAndTheWarningIsNext() {
        ClockCheck c = ClockCheck.of("running", false, WARN, DUE, ESCALATE, false, false, false, WARN.minusSeconds(1));
        assertFalse(c.raiseWarning() || c.raiseBreach() || c.raiseEscalation());
        assertEquals(WARN, c.nextCheck());
    }

    @Test
    void atTheWarningPointTheWarningIsRaisedAndTheDueDateIsNext() {
        ClockCheck c = ClockCheck.of("running", false, WARN, DUE, ESCALATE, false, false, false, WARN);
        assertTrue(c.raiseWarning());
        assertFalse(c.raiseBreach());
        assertEquals("running", c.status());
        assertEquals(DUE, c.nextCheck());
    }

    @Test
    void atTheDueDateTheClockBreachesAndEscalationIsNext() {
        ClockCheck c = ClockCheck.of("running", false, WARN, DUE, ESCALATE, true, false, false, DUE);
        assertTrue(c.raiseBreach());
        assertFalse(c.raiseWarning());
        assertEquals("breached", c.status());
        assertEquals(ESCALATE, c.nextCheck());
    }

    @Test
    void afterDowntimeEverythingMissedIsRaisedAtOnce() {
        ClockCheck c = ClockCheck.of("running", false, WARN, DUE, ESCALATE, false, false, false, ESCALATE.plusSeconds(3600));
        assertTrue(c.raiseWarning() && c.raiseBreach() && c.raiseEscalation());
        assertNull(c.nextCheck());
    }

    @Test
    void aResolvedBreachIsNotEscalated() {
        ClockCheck c = ClockCheck.of("breached", false, WARN, DUE, ESCALATE, true, false, true, ESCALATE);
        assertFalse(c.raiseEscalation());
        assertNull(c.nextCheck());
    }

    @Test
    void metAndCancelledClocksResolveTheirAlerts() {
        assertEquals("met_late", ClockCheck.of("met", true, WARN, DUE, ESCALATE, true, false, false, DUE).resolution());
        assertEquals("met", ClockCheck.of("met", false, WARN, DUE, ESCALATE, true, false, false, DUE).resolution());
        assertEquals("cancelled", ClockCheck.of("cancelled", false, WARN, DUE, null, false, false, false, DUE).resolution());
        assertNull(ClockCheck.of("met", true, WARN, DUE, ESCALATE, true, false, false, DUE).nextCheck());
    }

    @Test
    void withoutWarningOrEscalationOnlyTheDueDateCounts() {
        ClockCheck before = ClockCheck.of("running", false, null, DUE, null, false, false, false, WARN);
        assertEquals(DUE, before.nextCheck());
        ClockCheck at = ClockCheck.of("running", false, null, DUE, null, false, false, false, DUE);
        assertTrue(at.raiseBreach());
        assertNull(at.nextCheck());
    }

    /** Checking a clock repeatedly over time raises each alert exactly once, and never before its time. */
    @Property(tries = 500)
    void eachAlertIsRaisedOnceAndOnTime(@ForAll @IntRange(min = 1, max = 600) int stepSeconds,
            @ForAll @IntRange(min = 0, max = 3) int variant) {
        Instant warn = variant == 1 ? null : WARN;
        Instant escalate = variant == 2 ? null : ESCALATE;
        String status = "running";
        boolean warned = false;
        boolean escalated = false;
        int warnings = 0;
        int breaches = 0;
        int escalations = 0;
        Instant now = WARN.minus(Duration.ofHours(1));
        Instant next = warn != null ? warn : DUE;
        while (next != null && now.isBefore(ESCALATE.plus(Duration.ofHours(2)))) {
            now = now.plusSeconds(stepSeconds);
            if (now.isBefore(next)) {
                continue;
            }
            ClockCheck c = ClockCheck.of(status, false, warn, DUE, escalate, warned, escalated, false, now);
            if (c.raiseWarning()) {
                assertFalse(now.isBefore(warn));
                warnings++;
                warned = true;
            }
            if (c.raiseBreach()) {
                assertFalse(now.isBefore(DUE));
                breaches++;
            }
            if (c.raiseEscalation()) {
                assertFalse(now.isBefore(escalate));
                escalations++;
                escalated = true;
            }
            status = c.status();
            next = c.nextCheck();
        }
        assertEquals(warn == null ? 0 : 1, warnings);
        assertEquals(1, breaches);
        assertEquals(escalate == null ? 0 : 1, escalations);
    }
}
