package io.accord.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Graceful shutdown of a polling worker: waits for the round under way (its {@code running} flag) to finish. */
public final class RoundDrain {

    private RoundDrain() {
    }

    /**
     * Blocks until {@code running} is false or {@code limit} has passed; answers whether the round finished. An
     * interrupt ends the wait early (the flag is restored) and counts as not finished.
     */
    public static boolean await(AtomicBoolean running, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !running.get();
    }
}
