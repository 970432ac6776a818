package io.accord.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Percentages and durations as reports show them. Pure. */
final class Rates {

    private Rates() {
    }

    /** part ÷ whole as a percentage with one decimal, rounded half up; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    /** Seconds (as percentile functions return them) to a duration of whole seconds, rounded half up; null stays null. */
    static Duration seconds(Double seconds) {
        return seconds == null ? null : Duration.ofSeconds(Math.round(seconds));
    }

    static Duration at(Double[] values, int index) {
        return values == null || values.length <= index ? null : seconds(values[index]);
    }
}
