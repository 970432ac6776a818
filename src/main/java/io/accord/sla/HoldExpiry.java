package io.accord.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.calendar.BusinessTime;
import io.accord.calendar.CalendarService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ends holds that have reached their {@code until}: the breach detector calls it before each scan. Paused clocks due
 * to resume are claimed with {@code FOR UPDATE SKIP LOCKED} through {@code sla_clocks_resume_due} (any replica, each
 * clock once) and resumed as of their {@code until}, not as of the scan, so a late detector moves no deadline.
 */
@ApplicationScoped
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);

    /** The claim; served by {@code sla_clocks_resume_due} (checked by {@code ScheduledQueryPlansTest}). */
    public static final String CLAIM = ClockBatchStore.CLAIM_DUE_HOLDS;

    private final Pool pool;
    private final ClockBatchStore store;
    private final ClockTimes times;
    private final ObjectMapper json;

    public HoldExpiry(Pool pool, ClockBatchStore store, ClockTimes times, ObjectMapper json) {
        this.pool = pool;
        this.store = store;
        this.times = times;
        this.json = json;
    }

    /** Resumes up to {@code batch} clocks whose hold has ended by {@code now}; never fails (the next scan retries). */
    public Uni<Integer> resumeDue(Instant now, int batch) {
        return pool.withTransaction(conn -> store.claimDueHolds(conn, now, batch).chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ClockBatchStore.DueHold h : due) {
                        chain = chain.chain(() -> resume(conn, h));
                    }
                    return chain.replaceWith(due.size());
                }))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Resuming ended holds failed, retrying: %s", e.getMessage());
                    return 0;
                });
    }

    private Uni<Void> resume(SqlConnection conn, ClockBatchStore.DueHold h) {
        Milestone kind = Milestone.parse(h.milestone()).orElseThrow();
        return store.pausesOf(conn, h.id()).chain(pauses -> store.milestones(conn, h.policyId(), h.policyRevision())
                .chain(text -> times.load(conn, new ClockTimes.Basis(h.calendarKey(), h.businessTime(), h.ownerId(),
                        h.followsAbsences(), h.startedAt())).map(time -> {
                    Optional<MilestoneTarget> target = text == null ? Optional.empty()
                            : PolicyJson.milestones(text, json).stream().filter(m -> m.kind() == kind).findFirst();
                    SlaClock c = new SlaClock();
                    c.startedAt = h.startedAt();
                    c.warnAt = h.warnAt();
                    c.dueAt = h.dueAt();
                    c.escalateAt = h.escalateAt();
                    return SlaClocks.resumption(time, target, c, pauses, h.resumeAt());
                })))
                .chain(r -> store.resume(conn, h.id(), r));
    }

}
