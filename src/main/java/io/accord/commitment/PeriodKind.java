package io.accord.commitment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The length of a commitment period. Periods are calendar-aligned in local dates: a week starts on Monday (ISO
 * weeks), a month on its first day, a quarter on January, April, July or October 1. Pure; no framework types.
 */
public enum PeriodKind {
    WEEK, MONTH, QUARTER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PeriodKind> parse(String value) {
        for (PeriodKind k : values()) {
            if (k.wire().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The first local date of the period that contains {@code date}. */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /** Whether {@code date} is the first day of a period. */
    public boolean isStart(LocalDate date) {
        return startOf(date).equals(date);
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The first day of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
        };
    }

    /** How a period start is described to people: "a Monday", "the first day of a month"... */
    public String startDescription() {
        return switch (this) {
            case WEEK -> "a Monday";
            case MONTH -> "the first day of a month";
            case QUARTER -> "the first day of a quarter (January, April, July or October 1)";
        };
    }
}
