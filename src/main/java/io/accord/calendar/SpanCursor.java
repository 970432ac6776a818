package io.accord.calendar;

import java.util.Arrays;

/**
 * Walks the business set of a {@link WeeklySchedule} forwards from an instant as maximal open spans, loading local
 * dates as needed. Spans are clipped so that they never start before the instant nor before the end of the previous
 * span. Instants are epoch seconds. Single-use and not thread-safe.
 */
final class SpanCursor {

    private final WeeklySchedule schedule;
    private long nextDay;
    private long lastEnd;
    private long[] bufferStart = new long[8];
    private long[] bufferEnd = new long[8];
    private int head;
    private int tail;
    /** The current span, [start, end), valid after {@link #next} returned true. */
    long start;
    long end;

    SpanCursor(WeeklySchedule schedule, long from) {
        this.schedule = schedule;
        // Dates before this one end no later than (date + 1 day + 18h), i.e. before from.
        this.nextDay = Math.floorDiv(from, WeeklySchedule.DAY) - 2;
        this.lastEnd = from;
    }

    /**
     * Moves to the next span that starts before {@code limitStart}, merging touching and overlapping intervals
     * until the span is at least {@code maxLength} long (a longer span continues in the next call).
     *
     * @return false if there is no such span; the cursor must not be used afterwards
     */
    boolean next(long limitStart, long maxLength) {
        while (true) {
            // Load dates until the earliest buffered interval cannot be preceded by one of an unloaded date.
            while (head == tail ? lowerBound(nextDay) < limitStart : lowerBound(nextDay) <= bufferStart[head]) {
                schedule.addIntervalsOf(nextDay++, this);
            }
            if (head == tail) {
                return false;
            }
            long s = Math.max(bufferStart[head], lastEnd);
            long e = bufferEnd[head];
            head++;
            if (e <= s) {
                continue; // already consumed
            }
            if (s >= limitStart) {
                return false;
            }
            while (e - s < maxLength) {
                while (lowerBound(nextDay) <= e) {
                    schedule.addIntervalsOf(nextDay++, this);
                }
                if (head == tail || bufferStart[head] > e) {
                    break;
                }
                e = Math.max(e, bufferEnd[head]);
                head++;
            }
            start = s;
            end = e;
            lastEnd = e;
            return true;
        }
    }

    /** The earliest instant at which an interval of the given local date can start. */
    private static long lowerBound(long epochDay) {
        return epochDay * WeeklySchedule.DAY - WeeklySchedule.MAX_OFFSET;
    }

    /** Inserts an interval, keeping the buffer sorted by start. */
    void add(long s, long e) {
        if (tail == bufferStart.length) {
            int size = tail - head;
            if (size * 2 > bufferStart.length) {
                bufferStart = Arrays.copyOf(bufferStart, bufferStart.length * 2);
                bufferEnd = Arrays.copyOf(bufferEnd, bufferEnd.length * 2);
            }
            System.arraycopy(bufferStart, head, bufferStart, 0, size);
            System.arraycopy(bufferEnd, head, bufferEnd, 0, size);
            head = 0;
            tail = size;
        }
        int i = tail++;
        while (i > head && bufferStart[i - 1] > s) {
            bufferStart[i] = bufferStart[i - 1];
            bufferEnd[i] = bufferEnd[i - 1];
            i--;
        }
        bufferStart[i] = s;
        bufferEnd[i] = e;
    }
}
