package io.accord.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** The arithmetic of the backtest figures: rates, lift and medians. Pure. */
final class Figures {

    private Figures() {
    }

    /** part ÷ whole as a percentage with one decimal, rounded half up; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    /**
     * How much likelier a group wins than all leads: (won ÷ leads of the group) ÷ (won ÷ leads of all), two decimals,
     * rounded half up, computed from the counts (not from rounded rates); null when either group is empty or no lead
     * of all won.
     */
    static BigDecimal lift(long won, long leads, long allWon, long allLeads) {
        if (leads == 0 || allLeads == 0 || allWon == 0) {
            return null;
        }
        return BigDecimal.valueOf(won * allLeads).divide(BigDecimal.valueOf(leads * allWon), 2, RoundingMode.HALF_UP);
    }

    /**
     * The median of the first {@code n} values (sorted in place), as whole seconds: the middle value, or the mean of
     * the two middle values rounded half up; null when {@code n} is 0.
     */
    static Long median(int[] values, int n) {
        if (n == 0) {
            return null;
        }
        Arrays.sort(values, 0, n);
        if (n % 2 == 1) {
            return (long) values[n / 2];
        }
        long sum = (long) values[n / 2 - 1] + values[n / 2];
        return Math.floorDiv(sum + 1, 2);
    }

    /** The histogram bucket (0..9) of a score 0..100: 0–9, 10–19, …, 90–100. */
    static int bucket(int score) {
        return Math.max(0, Math.min(9, score / 10));
    }
}
