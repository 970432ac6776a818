package io.accord.common;

/** A token bucket: tokens refill continuously at a sustained rate up to the burst size. Thread-safe. */
public final class TokenBucket {

    private double tokens;
    private long updated;

    public TokenBucket(double tokens, long nowNanos) {
        this.tokens = tokens;
        this.updated = nowNanos;
    }

    /** Takes a token; answers 0, or how long (ns) until one is available (then nothing is taken). */
    public synchronized long take(int burst, double perSecond, long nowNanos) {
        refill(burst, perSecond, nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return waitNanos(perSecond);
    }

    /** The tokens left after the last take or peek. */
    public synchronized double tokens() {
        return tokens;
    }

    /** Answers 0 when a token is available, or how long (ns) until one is, without taking it. */
    public synchronized long peek(int burst, double perSecond, long nowNanos) {
        refill(burst, perSecond, nowNanos);
        return tokens >= 1 ? 0 : waitNanos(perSecond);
    }

    private void refill(int burst, double perSecond, long now) {
        tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
        updated = now;
    }

    private long waitNanos(double perSecond) {
        return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }

    /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
