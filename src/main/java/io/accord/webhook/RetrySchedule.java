package io.accord.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again. By default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after the
 * successive failures (about 3 days in all); {@code accord.webhooks.retry-delays} replaces that list (a fault test
 * uses seconds). Each delay gets ±10 % jitter so that receivers coming back are not stampeded. A {@code Retry-After}
 * from the receiver replaces the scheduled delay, capped at 24 hours. After the last delay's attempt fails, the
 * schedule is exhausted.
 */
public final class RetrySchedule {

    /** The production schedule, also the default of {@code accord.webhooks.retry-delays}. */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));
    public static final RetrySchedule DEFAULT = new RetrySchedule(DEFAULT_DELAYS);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> delays;

    /** A schedule with these delays after the first, second, ... failed attempt; each must be positive. */
    public RetrySchedule(List<Duration> delays) {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        for (Duration d : delays) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retry delays must be positive, got " + d);
            }
        }
        this.delays = List.copyOf(delays);
    }

    public List<Duration> delays() {
        return delays;
    }

    /** The first attempt plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The sum of the delays: how long, without jitter, a delivery keeps being retried after its first failure. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones, or empty when the schedule is exhausted.
     * {@code random} yields values in [0, 1).
     */
    public Optional<Duration> next(int attempts, Duration retryAfter, DoubleSupplier random) {
        if (attempts >= maxAttempts()) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            Duration capped = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            return Optional.of(capped.isNegative() ? Duration.ZERO : capped);
        }
        Duration base = delays.get(Math.max(0, attempts - 1));
        double factor = 0.9 + 0.2 * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }
}
