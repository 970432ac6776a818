package io.accord.calendar;

/**
 * Thrown when a {@link BusinessCalendar} has no business time within its search horizon
 * ({@link BusinessCalendar#SEARCH_HORIZON}, about 10 years) of the point where a computation needs more.
 */
public final class NoBusinessTimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoBusinessTimeException(String message) {
        super(message);
    }
}
