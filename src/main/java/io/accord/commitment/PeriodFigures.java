package io.accord.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The figures of one commitment period, from its target, its actual count and how far it has run. Pure; no framework
 * types.
 *
 * <ul>
 * <li>{@code attainment}: actual ÷ target as a percentage with one decimal, rounded half up (97 of 120 → 80.8).</li>
 * <li>{@code projected}: the pace so far extrapolated over the period's business time, rounded down:
 * ⌊actual × total ÷ elapsed⌋. Rounding down keeps it consistent with the at-risk rule (the projection is below the
 * integer target exactly when its exact value is). Before any business time has elapsed it is the actual count;
 * once the period has closed it is the actual count.</li>
 * <li>{@code status}: {@code open} until the period ends, then {@code met} (actual ≥ target) or {@code missed}.</li>
 * <li>{@code atRisk}: the period is open, at least a quarter of its business time has passed, and the projection is
 * below the target.</li>
 * </ul>
 */
public record PeriodFigures(long target, long actual, BigDecimal attainment, long projected, Status status,
        boolean atRisk) {

    public enum Status {
        OPEN, MET, MISSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static PeriodFigures of(long target, long actual, PeriodProgress progress) {
        if (target <= 0) {
            throw new IllegalArgumentException("target must be positive: " + target);
        }
        if (actual < 0) {
            throw new IllegalArgumentException("actual must not be negative: " + actual);
        }
        BigDecimal attainment = BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
        long projected = projected(actual, progress);
        Status status = !progress.closed() ? Status.OPEN : actual >= target ? Status.MET : Status.MISSED;
        boolean atRisk = !progress.closed() && progress.quarterReached() && projected < target;
        return new PeriodFigures(target, actual, attainment, projected, status, atRisk);
    }

    static long projected(long actual, PeriodProgress progress) {
        long elapsed = progress.elapsed().toMillis();
        if (progress.closed() || elapsed <= 0) {
            return actual;
        }
        long total = progress.total().toMillis();
        return BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.FLOOR).longValueExact();
    }
}
