package io.accord.commitment;

import io.accord.audit.AuditLog;
import io.accord.calendar.BusinessCalendar;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Marketing commitments: their CRUD (by key, If-Match, audited) and their periods with figures. Commitments are
 * small configuration rows read by the checker with {@code FOR UPDATE SKIP LOCKED}, so this feature uses the reactive
 * SQL client ({@link CommitmentStore}); calendars, teams and ICPs are read through their services
 * ({@link CommitmentReferences}).
 */
@ApplicationScoped
public class CommitmentService {

    /** The most commitments the digest shows. */
    public static final int DIGEST_LIMIT = 100;

    private final Pool pool;
    private final CommitmentStore store;
    private final CommitmentReferences references;
    private final AuditLog audit;
    private final Clock clock;

    CommitmentService(Pool pool, CommitmentStore store, CommitmentReferences references, AuditLog audit,
            Clock clock) {
        this.pool = pool;
        this.store = store;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /** A commitment's period containing some instant, with its figures then; for the weekly digest. */
    public record PeriodStatus(CommitmentView commitment, CommitmentPeriodView period) {
    }

    /** A create request whose references (calendar, team, ICP, tier) have been checked. */
    public record Checked(CommitmentRequest request, CommitmentReferences.Resolved references) {
    }

    public Uni<Versioned<CommitmentView>> create(CommitmentRequest request, String actor) {
        return check(request).chain(checked -> pool.withTransaction(conn -> create(conn, checked, actor)));
    }

    /** Validates a create request and resolves its references (a 422 lists every problem). */
    public Uni<Checked> check(CommitmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.key() == null || request.key().isBlank()) {
            errors.add(new FieldError("key", "is required"));
        }
        return references.check(request, errors).map(refs -> new Checked(request, refs));
    }

    /** Creates a checked commitment on {@code conn}'s transaction (so an Idempotency-Key claim can share it). */
    public Uni<Versioned<CommitmentView>> create(SqlConnection conn, Checked checked, String actor) {
        CommitmentRequest request = checked.request();
        CommitmentReferences.Resolved refs = checked.references();
        Instant now = now();
        return store.insert(conn, request.key(), CommitmentStore.Settings.of(request, refs.calendarId()), now, actor)
                .chain(c -> {
                    if (c == null) {
                        throw new ProblemException(ProblemKind.DUPLICATE,
                                "A commitment with key '" + request.key() + "' exists");
                    }
                    return audit.record(conn, now, actor, "commitment.created", "commitment", c.key(),
                                    "Created commitment '" + c.key() + "': " + describe(c))
                            .replaceWith(versioned(c, refs.timeZone()));
                });
    }

    public Uni<Page<CommitmentView>> list(PageRequest page) {
        return store.page(page)
                .chain(rows -> references.zones(rows).map(zones -> Page.of(rows, page,
                        c -> new Cursor(c.createdAt(), c.id()), c -> view(c, zones.get(c.calendarKey())))));
    }

    public Uni<Versioned<CommitmentView>> get(String key) {
        return find(pool, key, false).chain(c -> references.zone(c.calendarKey()).map(zone -> versioned(c, zone)));
    }

    public Uni<Versioned<CommitmentView>> update(String key, CommitmentRequest request, String ifMatch, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request.key() != null && !request.key().equals(key)) {
            errors.add(new FieldError("key", "must match the key in the path ('" + key + "') or be omitted"));
        }
        // 404 and If-Match come before the body's problems.
        return find(pool, key, false).invoke(c -> ETags.require(ifMatch, c.version()))
                .chain(() -> references.check(request, errors))
                .chain(refs -> {
                    Instant now = now();
                    return pool.withTransaction(conn -> find(conn, key, true).chain(c -> {
                        ETags.require(ifMatch, c.version());
                        return store.update(conn, c.id(), CommitmentStore.Settings.of(request, refs.calendarId()), now)
                                .call(updated -> audit.record(conn, now, actor, "commitment.updated", "commitment",
                                        updated.key(), "Changed commitment '" + updated.key() + "': " + describe(updated)))
                                .map(updated -> versioned(updated, refs.timeZone()));
                    }));
                });
    }

    /** Deletes a commitment; its alerts stay. */
    public Uni<Void> delete(String key, String ifMatch, String actor) {
        Instant now = now();
        return pool.withTransaction(conn -> find(conn, key, true).chain(c -> {
            ETags.require(ifMatch, c.version());
            return store.delete(conn, c.id())
                    .call(() -> audit.record(conn, now, actor, "commitment.deleted", "commitment", c.key(),
                            "Deleted commitment '" + c.key() + "'"))
                    .replaceWithVoid();
        }));
    }

    /** The periods that have begun, newest first, with their figures now. */
    public Uni<Page<CommitmentPeriodView>> periods(String key, int limit, String cursor) {
        LocalDate before = PeriodCursor.decode(cursor);
        Instant now = now();
        return find(pool, key, false).chain(c -> references.calendar(c.calendarKey()).chain(calendar -> {
            List<CommitmentPeriod> periods = CommitmentPeriod.begunBy(c.period(), c.startsOn(), calendar.zone(), now,
                    before, limit + 1);
            boolean more = periods.size() > limit;
            List<CommitmentPeriod> shown = more ? periods.subList(0, limit) : periods;
            return CommitmentCounts.actuals(pool, c, shown).map(actuals -> {
                List<CommitmentPeriodView> items = new ArrayList<>(shown.size());
                for (int i = 0; i < shown.size(); i++) {
                    CommitmentPeriod p = shown.get(i);
                    items.add(CommitmentPeriodView.of(p, figures(c, calendar, p, actuals.get(i), now)));
                }
                return new Page<>(items, more ? PeriodCursor.encode(shown.get(shown.size() - 1).startDate()) : null);
            });
        }));
    }

    /**
     * Every commitment's period that contains {@code at} (or, for a commitment that starts later, none), with figures
     * as of now; at most {@link #DIGEST_LIMIT} commitments, oldest first.
     */
    public Uni<List<PeriodStatus>> periodsContaining(Instant at) {
        Instant now = now();
        return store.oldest(DIGEST_LIMIT)
                .chain(rows -> references.calendarsOf(rows).chain(cals -> {
                    List<Uni<PeriodStatus>> each = new ArrayList<>();
                    for (Commitment c : rows) {
                        BusinessCalendar calendar = cals.get(c.calendarKey());
                        CommitmentPeriod p = CommitmentPeriod.containing(c.period(), at, calendar.zone());
                        if (p.startDate().isBefore(c.startsOn())) {
                            continue;
                        }
                        each.add(CommitmentCounts.actuals(pool, c, List.of(p)).map(actual -> new PeriodStatus(
                                view(c, calendar.zone().getId()),
                                CommitmentPeriodView.of(p, figures(c, calendar, p, actual.get(0), now)))));
                    }
                    if (each.isEmpty()) {
                        return Uni.createFrom().item(List.<PeriodStatus>of());
                    }
                    return Multi.createFrom().iterable(each).onItem().transformToUniAndConcatenate(u -> u).collect().asList();
                }));
    }

    static PeriodFigures figures(Commitment c, BusinessCalendar calendar, CommitmentPeriod p, long actual, Instant now) {
        return PeriodFigures.of(c.target(), actual, PeriodProgress.of(calendar, p, now));
    }

    /** The commitment, or a 404. */
    private Uni<Commitment> find(SqlClient client, String keyOrId, boolean forUpdate) {
        return store.find(client, keyOrId, forUpdate).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Commitment", keyOrId);
            }
            return c;
        });
    }

    static String describe(Commitment c) {
        return c.target() + " " + c.metric().replace('_', ' ') + " leads a " + c.period().wire()
                + (c.minTier() != null ? ", tier " + c.minTier() + " or better" : "")
                + (c.icpKey() != null ? ", ICP " + c.icpKey() : "") + ", from " + c.startsOn();
    }

    private static Versioned<CommitmentView> versioned(Commitment c, String zone) {
        return new Versioned<>(view(c, zone), c.version());
    }

    static CommitmentView view(Commitment c, String zone) {
        return new CommitmentView(c.id(), c.key(), c.name(), c.teamKey(), c.period().wire(), c.calendarKey(), zone,
                c.metric(), c.minTier(), c.icpKey(), c.target(), c.startsOn(), c.createdAt(), c.createdBy(),
                c.updatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
