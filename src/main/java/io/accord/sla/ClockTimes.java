package io.accord.sla;

import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.BusinessTime;
import io.accord.calendar.CalendarService;
import io.accord.calendar.TimeRange;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.people.PeopleDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Loads what {@link ClockCalendars} combines for one clock: the policy's calendar (in a request's session, or on the
 * detector's connection), the owner's own calendar and the owner's absences from the people feature.
 */
@ApplicationScoped
class ClockTimes {

    /** How far after a clock's start its owner's absences are read. */
    static final Duration ABSENCE_WINDOW = Duration.ofDays(2 * 366);

    /** What decides a clock's business time. */
    record Basis(String calendarKey, String mode, String ownerId, boolean followsAbsences, Instant from) {

        static Basis of(SlaClock c) {
            return new Basis(c.calendarKey, c.businessTime, c.ownerId, c.followsAbsences, c.startedAt);
        }
    }

    private final CalendarService calendars;
    private final PeopleDirectory people;

    ClockTimes(CalendarService calendars, PeopleDirectory people) {
        this.calendars = calendars;
        this.people = people;
    }

    /** In a request's session; always open when the policy's calendar is gone. */
    Uni<BusinessTime> load(Basis b) {
        return calendars.calendar(b.calendarKey()).map(c -> (BusinessTime) c)
                .onFailure(e -> e instanceof ProblemException p && p.kind() == ProblemKind.NOT_FOUND)
                .recoverWithItem(ClockPauses.ALWAYS_OPEN)
                .chain(team -> withOwner(team, b));
    }

    /**
     * On a pool connection and its transaction (the detector's, or the one that changed the owner's absences, whose
     * uncommitted change it then sees); always open when the policy's calendar is gone.
     */
    Uni<BusinessTime> load(SqlConnection conn, Basis b) {
        return calendars.calendar(conn, b.calendarKey())
                .map(c -> c == null ? ClockPauses.ALWAYS_OPEN : (BusinessTime) c)
                .chain(team -> withOwner(team, b, conn));
    }

    /** The team's business time with the owner's calendar and absences as the basis says. */
    Uni<BusinessTime> withOwner(BusinessTime team, Basis b) {
        return withOwner(team, b, null);
    }

    /** As {@link #withOwner(BusinessTime, Basis)}, reading the owner on {@code conn} (null: through the pool). */
    private Uni<BusinessTime> withOwner(BusinessTime team, Basis b, SqlConnection conn) {
        if (b.ownerId() == null || (!ClockCalendars.needsOwner(b.mode()) && !b.followsAbsences())) {
            return Uni.createFrom().item(team);
        }
        Uni<Optional<BusinessCalendar>> own = !ClockCalendars.needsOwner(b.mode())
                ? Uni.createFrom().item(Optional.empty())
                : conn == null ? people.personalCalendar(b.ownerId()) : people.personalCalendar(conn, b.ownerId());
        Instant to = b.from().plus(ABSENCE_WINDOW);
        Uni<List<TimeRange>> absent = !b.followsAbsences() ? Uni.createFrom().item(List.of())
                : (conn == null ? people.absences(b.ownerId(), b.from(), to)
                        : people.absences(conn, b.ownerId(), b.from(), to))
                        .map(list -> list.stream().map(a -> new TimeRange(a.startsAt(), a.endsAt())).toList());
        return own.chain(o -> absent.map(a -> ClockCalendars.of(team, o, b.mode(), a)));
    }
}
