package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.people.AbsenceListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the deadlines of clocks that follow their owner's absences (team setting {@code ownerAbsence: pause}) true to
 * absences recorded or removed after the clock started: a running clock's deadlines are its business time less the
 * owner's absences and its holds ({@link #recompute}). That happens at two points:
 * <ul>
 * <li>eagerly, as the {@link AbsenceListener} of the people feature: when an absence is recorded or removed through
 * the API, the owner's running following clocks are recomputed in that transaction, so the SLA views show the moved
 * deadlines at once;</li>
 * <li>as a safety net, in the breach detector before it warns or breaches such a clock (one the eager step skipped
 * because another transaction held it, or whose owner an absence of the detector's own made unavailable). A clock
 * whose deadlines moved is written back with its next check and left out of this round; the detector takes it again
 * when that check comes (at once if it is still due).</li>
 * </ul>
 * Paused clocks are left alone: their deadlines are recomputed with the owner's absences as they are when they resume.
 */
@ApplicationScoped
class AbsenceFollower implements AbsenceListener {

    private final ClockBatchStore store;
    private final ClockTimes times;
    private final ObjectMapper json;

    AbsenceFollower(ClockBatchStore store, ClockTimes times, ObjectMapper json) {
        this.store = store;
        this.times = times;
        this.json = json;
    }

    /** The owner's absences changed: recomputes their running following clocks on {@code conn}, in its transaction. */
    @Override
    public Uni<Void> absencesChanged(SqlConnection conn, String personId, Instant at) {
        return store.lockFollowing(conn, personId).chain(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Row r : rows) {
                chain = chain.chain(() -> recompute(conn, at, r).replaceWithVoid());
            }
            return chain;
        });
    }

    /** The claimed rows left to check now: all but the following clocks whose deadlines moved. */
    Uni<List<Row>> follow(SqlConnection conn, Instant now, List<Row> rows) {
        List<Row> following = rows.stream()
                .filter(r -> r.getBoolean("follows_absences") && "running".equals(r.getString("status"))
                        && r.getString("owner_id") != null)
                .toList();
        if (following.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        List<Row> kept = new ArrayList<>(rows);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Row r : following) {
            chain = chain.chain(() -> recompute(conn, now, r).invoke(moved -> {
                if (moved) {
                    kept.remove(r);
                }
            }).replaceWithVoid());
        }
        return chain.replaceWith(kept);
    }

    /**
     * Recomputes one running clock, locked in {@code conn}'s transaction, on its business time less its owner's
     * absences (read on {@code conn}) and its pauses as of {@code now}; answers whether its deadlines moved (and were
     * written back with its next check). The row has the columns of {@link ClockBatchStore#LOCK_FOLLOWING}.
     */
    Uni<Boolean> recompute(SqlConnection conn, Instant now, Row r) {
        Milestone kind = Milestone.parse(r.getString("milestone")).orElseThrow();
        Instant start = instant(r, "started_at");
        ClockTimes.Basis basis = new ClockTimes.Basis(r.getString("calendar_key"), r.getString("business_time"),
                r.getString("owner_id"), true, start);
        return store.milestones(conn, r.getUUID("policy_id"), r.getInteger("policy_revision"))
                .chain(text -> store.pausesOf(conn, r.getUUID("id")).chain(pauses -> times.load(conn, basis).map(time -> {
                    Optional<MilestoneTarget> target = text == null ? Optional.empty()
                            : PolicyJson.milestones(text, json).stream().filter(m -> m.kind() == kind).findFirst();
                    if (target.isEmpty()) {
                        return Optional.<MilestoneTarget.Deadlines>empty();
                    }
                    try {
                        return Optional.of(ClockPauses.deadlines(time, target.get(), start,
                                ClockPauses.ranges(pauses, now)));
                    } catch (io.accord.calendar.NoBusinessTimeException e) {
                        return Optional.<MilestoneTarget.Deadlines>empty();
                    }
                })))
                .chain(d -> {
                    if (d.isEmpty() || (Objects.equals(d.get().warnAt(), instant(r, "warn_at"))
                            && d.get().dueAt().equals(instant(r, "due_at"))
                            && Objects.equals(d.get().escalateAt(), instant(r, "escalate_at")))) {
                        return Uni.createFrom().item(false);
                    }
                    return store.moveDeadlines(conn, r.getUUID("id"), d.get()).replaceWith(true);
                });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
