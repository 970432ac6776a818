package io.accord.sla;

import io.accord.calendar.BusinessTime;
import io.accord.calendar.TimeRange;
import java.util.List;
import java.util.Optional;

/**
 * Which business time a clock counts on. Pure.
 *
 * <ul>
 * <li>{@code team}: the policy's calendar; {@code owner}: the owner's own calendar, or the policy's when the owner has
 * none; {@code both}: open only when both are ({@link BusinessTime#both}), or the policy's alone when the owner has
 * no calendar.</li>
 * <li>A clock that follows its owner's absences (its team's {@code ownerAbsence} was {@code pause} when it started) is
 * closed during them ({@link BusinessTime#minus}); holds close it too ({@link ClockPauses}).</li>
 * </ul>
 */
public final class ClockCalendars {

    /** The policy modes. */
    public static final List<String> MODES = List.of("team", "owner", "both");

    private ClockCalendars() {
    }

    /** Whether a clock in this mode needs its owner's calendar. */
    public static boolean needsOwner(String mode) {
        return "owner".equals(mode) || "both".equals(mode);
    }

    /** The business time of a clock: {@code mode} over the team's and the owner's calendars, less the absences. */
    public static BusinessTime of(BusinessTime team, Optional<? extends BusinessTime> owner, String mode,
            List<TimeRange> absences) {
        BusinessTime base = switch (mode == null ? "team" : mode) {
            case "owner" -> owner.<BusinessTime>map(o -> o).orElse(team);
            case "both" -> owner.<BusinessTime>map(o -> BusinessTime.both(team, o)).orElse(team);
            default -> team;
        };
        return base.minus(absences);
    }
}
