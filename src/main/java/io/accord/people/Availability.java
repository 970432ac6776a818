package io.accord.people;

import io.accord.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether a person can take a lead at an instant. Pure.
 *
 * <ul>
 * <li>An inactive person is never available.</li>
 * <li>A person is <b>absent</b> at {@code t} when one of their absences holds {@code t}: {@code startsAt <= t < endsAt}.
 * An absent person is not available.</li>
 * <li>When hours are <b>required</b> and the person has a personal calendar, {@code t} must lie inside it
 * ({@link BusinessCalendar#isOpen}). A person without a personal calendar follows the team's, so the requirement
 * does not apply to them.</li>
 * </ul>
 */
public final class Availability {

    /** One out-of-office period, [startsAt, endsAt). */
    public record Absence(Instant startsAt, Instant endsAt) {

        public Absence {
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            if (!endsAt.isAfter(startsAt)) {
                throw new IllegalArgumentException("an absence must end after it starts: " + startsAt + ".." + endsAt);
            }
        }

        public boolean holds(Instant at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt);
        }
    }

    private Availability() {
    }

    /** Whether one of the absences holds {@code at}. */
    public static boolean absent(Collection<Absence> absences, Instant at) {
        for (Absence a : absences) {
            if (a.holds(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param ownCalendar   the person's calendar, or null when they have none
     * @param requireHours whether {@code at} must be within the person's own hours (when they have a calendar)
     */
    public static boolean available(boolean active, Collection<Absence> absences, BusinessCalendar ownCalendar,
            boolean requireHours, Instant at) {
        if (!active || absent(absences, at)) {
            return false;
        }
        return !requireHours || ownCalendar == null || ownCalendar.isOpen(at);
    }
}
