package io.accord.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadHoldsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aHoldIsActiveUntilItsUntil() {
        Instant since = NOW.minusSeconds(3600);
        assertEquals(new LeadClocks.Hold("r", since, null), LeadHolds.active("r", since, null, NOW));
        assertEquals(new LeadClocks.Hold("r", since, NOW.plusSeconds(1)),
                LeadHolds.active("r", since, NOW.plusSeconds(1), NOW));
        assertNull(LeadHolds.active("r", since, NOW, NOW), "ended by itself at its until");
        assertNull(LeadHolds.active(null, null, null, NOW));
    }

    @Test
    void untilMustBeAheadButNotTooFar() {
        assertNull(LeadHolds.untilProblem(null, NOW));
        assertNull(LeadHolds.untilProblem(NOW.plusSeconds(1), NOW));
        assertEquals("must be in the future", LeadHolds.untilProblem(NOW, NOW));
        assertNull(LeadHolds.untilProblem(NOW.plus(LeadHolds.MAX_AHEAD), NOW));
        assertEquals("must be at most 366 days ahead", LeadHolds.untilProblem(NOW.plus(LeadHolds.MAX_AHEAD).plusSeconds(1), NOW));
    }
}
