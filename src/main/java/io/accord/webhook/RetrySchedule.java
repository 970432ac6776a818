package io.accord.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after the successive
 * failures (about 3 days in all), each with ±10 % jitter so that receivers coming back are not stampeded. A
 * {@code Retry-After} from the receiver replaces the scheduled delay, capped at 24 hours.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));
    /** The first attempt plus one per delay. */
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private RetrySchedule() {
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones, or empty when the schedule is exhausted.
     * {@code random} yields values in [0, 1).
     */
    public static Optional<Duration> next(int attempts, Duration retryAfter, DoubleSupplier random) {
        if (attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            Duration capped = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            return Optional.of(capped.isNegative() ? Duration.ZERO : capped);
        }
        Duration base = DELAYS.get(Math.max(0, attempts - 1));
        double factor = 0.9 + 0.2 * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }
}
