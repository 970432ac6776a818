package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The retry schedule: the documented default, a configured one, jitter, Retry-After and exhaustion. */
class RetryScheduleTest {

    @Test
    void theDefaultRetriesAfter5s5m30m2h5h10h14h20h24hForAboutThreeDays() {
        List<Duration> waits = new ArrayList<>();
        for (int attempts = 1; attempts < RetrySchedule.DEFAULT.maxAttempts(); attempts++) {
            waits.add(RetrySchedule.DEFAULT.next(attempts, null, () -> 0.5).orElseThrow());
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
                Duration.ofHours(24)), waits);
        assertEquals(10, RetrySchedule.DEFAULT.maxAttempts());
        assertEquals(Duration.ofHours(75).plusMinutes(35).plusSeconds(5), RetrySchedule.DEFAULT.span());
        assertTrue(RetrySchedule.DEFAULT.span().compareTo(Duration.ofHours(24)) >= 0, "retried for at least 24 hours");
        assertEquals(Optional.empty(), RetrySchedule.DEFAULT.next(10, null, () -> 0.5));
    }

    @Test
    void aConfiguredScheduleIsFollowedAndThenExhausted() {
        RetrySchedule short5 = new RetrySchedule(List.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertEquals(6, short5.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(2)), short5.next(1, null, () -> 0.5));
        assertEquals(Optional.of(Duration.ofSeconds(60)), short5.next(5, null, () -> 0.5));
        assertEquals(Optional.empty(), short5.next(6, null, () -> 0.5));
        assertEquals(Optional.empty(), short5.next(6, Duration.ofSeconds(1), () -> 0.5), "Retry-After never extends it");
        assertEquals(Duration.ofSeconds(107), short5.span());
    }

    @Test
    void anEmptyOrNonPositiveScheduleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(-1))));
    }

    @Test
    void retryAfterReplacesTheDelayCappedAt24Hours() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetrySchedule.DEFAULT.next(3, Duration.ofSeconds(7), () -> 0.0));
        assertEquals(Optional.of(Duration.ofHours(24)), RetrySchedule.DEFAULT.next(1, Duration.ofDays(9), () -> 0.0));
        assertEquals(Optional.of(Duration.ZERO), RetrySchedule.DEFAULT.next(1, Duration.ofSeconds(-3), () -> 0.0));
    }

    @Property(tries = 500)
    void everyWaitIsItsDelayWithin10PercentAndTheScheduleEndsAfterOneAttemptPerDelay(
            @ForAll("schedules") List<Duration> delays, @ForAll @DoubleRange(min = 0.0, max = 0.99) double random) {
        RetrySchedule schedule = new RetrySchedule(delays);
        for (int attempts = 1; attempts <= delays.size(); attempts++) {
            long base = delays.get(attempts - 1).toMillis();
            long wait = schedule.next(attempts, null, () -> random).orElseThrow().toMillis();
            assertTrue(wait >= Math.floor(base * 0.9) && wait <= Math.ceil(base * 1.1), base + " -> " + wait);
        }
        assertEquals(Optional.empty(), schedule.next(delays.size() + 1, null, () -> random));
    }

    @Property(tries = 200)
    void theFirstFailureUsesTheFirstDelay(@ForAll("schedules") List<Duration> delays,
            @ForAll @IntRange(min = 0, max = 1) int attempts) {
        // attempts 0 (never sent) and 1 (the first attempt failed) both wait the first delay
        long wait = new RetrySchedule(delays).next(attempts, null, () -> 0.5).orElseThrow().toMillis();
        assertEquals(delays.get(0).toMillis(), wait);
    }

    @Provide
    Arbitrary<List<Duration>> schedules() {
        return Arbitraries.longs().between(1, 90_000_000L).map(Duration::ofMillis).list().ofMinSize(1).ofMaxSize(15);
    }
}
