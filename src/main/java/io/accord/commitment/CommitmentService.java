package io.accord.commitment;

import io.accord.audit.AuditLog;
import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.CalendarService;
import io.accord.calendar.CalendarView;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.FieldError;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.icp.IcpService;
import io.accord.icp.IcpVersionView;
import io.accord.icp.TierView;
import io.accord.team.TeamService;
import io.accord.team.TeamSummary;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Marketing commitments: their CRUD (by key, If-Match, audited) and their periods with figures. Commitments are
 * small configuration rows read by the checker with {@code FOR UPDATE SKIP LOCKED}, so this feature uses the reactive
 * SQL client; calendars, teams and ICPs are read through their services.
 */
@ApplicationScoped
public class CommitmentService {

    /** The most commitments the digest shows. */
    public static final int DIGEST_LIMIT = 100;

    private final Pool pool;
    private final CalendarService calendars;
    private final TeamService teams;
    private final IcpService icps;
    private final AuditLog audit;
    private final Clock clock;

    public CommitmentService(Pool pool, CalendarService calendars, TeamService teams, IcpService icps, AuditLog audit,
            Clock clock) {
        this.pool = pool;
        this.calendars = calendars;
        this.teams = teams;
        this.icps = icps;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a request refers to, once checked. */
    record References(UUID calendarId, String timeZone) {
    }

    /** A commitment's period containing some instant, with its figures then; for the weekly digest. */
    public record PeriodStatus(CommitmentView commitment, CommitmentPeriodView period) {
    }

    /** A create request whose references (calendar, team, ICP, tier) have been checked. */
    public record Checked(CommitmentRequest request, References references) {
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
        return references(request, errors).map(refs -> new Checked(request, refs));
    }

    /** Creates a checked commitment on {@code conn}'s transaction (so an Idempotency-Key claim can share it). */
    public Uni<Versioned<CommitmentView>> create(SqlConnection conn, Checked checked, String actor) {
        CommitmentRequest request = checked.request();
        References refs = checked.references();
        Instant now = now();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("insert into commitments (id, key, name, team_key, "
                        + "period, calendar_id, calendar_key, metric, min_tier, icp_key, target, starts_on, "
                        + "closed_through, next_check_at, created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, "
                        + "$6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14, $13) on conflict (key) do nothing returning "
                        + Commitment.COLUMNS)
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), request.key(), request.name().trim(),
                        request.teamKey(), request.period(), refs.calendarId(), request.calendarKey(), request.metric(),
                        request.minTier(), request.icpKey(), request.target(), request.startsOn(), at, actor)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(ProblemKind.DUPLICATE,
                                "A commitment with key '" + request.key() + "' exists");
                    }
                    Commitment c = Commitment.of(rows.iterator().next());
                    return audit.record(conn, now, actor, "commitment.created", "commitment", c.key(),
                                    "Created commitment '" + c.key() + "': " + describe(c))
                            .replaceWith(versioned(c, refs.timeZone()));
                });
    }

    public Uni<Page<CommitmentView>> list(PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (page.after() != null) {
            args.add(page.after().createdAt().atOffset(ZoneOffset.UTC));
            args.add(page.after().id());
            where = " where created_at > $1 or (created_at = $1 and id > $2)";
        }
        return pool.preparedQuery("select " + Commitment.COLUMNS + " from commitments" + where
                        + " order by created_at, id limit " + page.fetchSize()).execute(Tuple.from(args))
                .map(CommitmentService::commitments)
                .chain(rows -> zones(rows).map(zones -> Page.of(rows, page, c -> new Cursor(c.createdAt(), c.id()),
                        c -> view(c, zones.get(c.calendarKey())))));
    }

    public Uni<Versioned<CommitmentView>> get(String key) {
        return find(pool, key, false).chain(c -> zone(c.calendarKey()).map(zone -> versioned(c, zone)));
    }

    public Uni<Versioned<CommitmentView>> update(String key, CommitmentRequest request, String ifMatch, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request.key() != null && !request.key().equals(key)) {
            errors.add(new FieldError("key", "must match the key in the path ('" + key + "') or be omitted"));
        }
        // 404 and If-Match come before the body's problems.
        return find(pool, key, false).invoke(c -> ETags.require(ifMatch, c.version()))
                .chain(() -> references(request, errors))
                .chain(refs -> {
                    Instant now = now();
                    return pool.withTransaction(conn -> find(conn, key, true).chain(c -> {
                        ETags.require(ifMatch, c.version());
                        return conn.preparedQuery("update commitments set name = $2, team_key = $3, period = $4, "
                                        + "calendar_id = $5, calendar_key = $6, metric = $7, min_tier = $8, icp_key = $9, "
                                        + "target = $10, starts_on = $11, next_check_at = $12, updated_at = $12, "
                                        + "version = version + 1 where id = $1 returning " + Commitment.COLUMNS)
                                .execute(Tuple.from(Arrays.asList(c.id(), request.name().trim(), request.teamKey(),
                                        request.period(), refs.calendarId(), request.calendarKey(), request.metric(),
                                        request.minTier(), request.icpKey(), request.target(), request.startsOn(),
                                        now.atOffset(ZoneOffset.UTC))))
                                .map(rows -> Commitment.of(rows.iterator().next()))
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
            return conn.preparedQuery("delete from commitments where id = $1").execute(Tuple.of(c.id()))
                    .call(() -> audit.record(conn, now, actor, "commitment.deleted", "commitment", c.key(),
                            "Deleted commitment '" + c.key() + "'"))
                    .replaceWithVoid();
        }));
    }

    /** The periods that have begun, newest first, with their figures now. */
    public Uni<Page<CommitmentPeriodView>> periods(String key, int limit, String cursor) {
        LocalDate before = PeriodCursor.decode(cursor);
        Instant now = now();
        return find(pool, key, false).chain(c -> calendars.calendar(c.calendarKey()).chain(calendar -> {
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
        return pool.preparedQuery("select " + Commitment.COLUMNS + " from commitments order by created_at, id limit "
                        + DIGEST_LIMIT).execute()
                .map(CommitmentService::commitments)
                .chain(rows -> calendarsOf(rows).chain(cals -> {
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

    /** Calendars by key, each loaded once, one after the other (a session runs one query at a time). */
    Uni<Map<String, BusinessCalendar>> calendarsOf(List<Commitment> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(c -> keys.add(c.calendarKey()));
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(k -> calendars.calendar(k).map(cal -> Map.entry(k, cal)))
                .collect().in(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    private Uni<Map<String, String>> zones(List<Commitment> rows) {
        return calendarsOf(rows).map(cals -> {
            Map<String, String> zones = new HashMap<>();
            cals.forEach((k, v) -> zones.put(k, v.zone().getId()));
            return zones;
        });
    }

    private Uni<String> zone(String calendarKey) {
        return calendars.get(calendarKey).map(v -> v.view().timeZone());
    }

    /**
     * Checks what the request refers to and reports every problem at once (422): the period start, the calendar, the
     * team (a marketing team), the ICP and the tier.
     */
    private Uni<References> references(CommitmentRequest r, List<FieldError> errors) {
        Uni<CalendarView> calendar = calendars.get(r.calendarKey()).map(Versioned::view)
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    if (((ProblemException) e).kind() != ProblemKind.NOT_FOUND) {
                        throw (ProblemException) e;
                    }
                    errors.add(new FieldError("calendarKey", "calendar '" + r.calendarKey() + "' does not exist"));
                    return null;
                });
        return calendar.chain(cal -> {
            PeriodKind kind = PeriodKind.parse(r.period()).orElseThrow();
            if (!kind.isStart(r.startsOn())) {
                errors.add(new FieldError("startsOn", "must be " + kind.startDescription() + " for a " + kind.wire()
                        + "ly commitment; " + r.startsOn() + " is not"));
            }
            return teams.summaries(List.of(r.teamKey())).chain(found -> {
                TeamSummary team = found.get(r.teamKey());
                if (team == null) {
                    errors.add(new FieldError("teamKey", "team '" + r.teamKey() + "' does not exist"));
                } else if (!"marketing".equals(team.function())) {
                    errors.add(new FieldError("teamKey", "team '" + r.teamKey() + "' is a " + team.function()
                            + " team; a commitment belongs to a marketing team"));
                }
                return tierCheck(r, errors);
            }).map(v -> {
                if (!errors.isEmpty()) {
                    throw ProblemException.validation(errors);
                }
                return new References(cal.id(), cal.timeZone());
            });
        });
    }

    /** With an ICP, it must exist and {@code minTier} must be a tier label of one of its versions. */
    private Uni<Void> tierCheck(CommitmentRequest r, List<FieldError> errors) {
        if (r.icpKey() == null) {
            return Uni.createFrom().voidItem();
        }
        return tierLabels(r.icpKey(), 0, new LinkedHashSet<>()).invoke(labels -> {
            if (labels == null) {
                errors.add(new FieldError("icpKey", "ICP '" + r.icpKey() + "' does not exist"));
            } else if (r.minTier() != null && !labels.contains(r.minTier())) {
                errors.add(new FieldError("minTier", "ICP '" + r.icpKey() + "' has no tier '" + r.minTier()
                        + "'; its tiers are " + String.join(", ", labels)));
            }
        }).replaceWithVoid();
    }

    /** The tier labels of all versions of an ICP, or null if it does not exist. */
    private Uni<Set<String>> tierLabels(String icpKey, int after, Set<String> labels) {
        return icps.listVersions(icpKey, null, 200, after)
                .chain(page -> {
                    for (IcpVersionView v : page.items()) {
                        v.tiers().stream().map(TierView::label).forEach(labels::add);
                    }
                    if (page.nextCursor() == null) {
                        return Uni.createFrom().item(labels);
                    }
                    return tierLabels(icpKey, page.items().get(page.items().size() - 1).version(), labels);
                })
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    if (((ProblemException) e).kind() == ProblemKind.NOT_FOUND) {
                        return Uni.createFrom().nullItem();
                    }
                    return Uni.createFrom().failure(e);
                });
    }

    static Uni<Commitment> find(SqlClient client, String keyOrId, boolean forUpdate) {
        UUID id = null;
        try {
            id = UUID.fromString(keyOrId);
        } catch (IllegalArgumentException e) {
            // a key
        }
        String sql = "select " + Commitment.COLUMNS + " from commitments where " + (id != null ? "id = $1" : "key = $1")
                + (forUpdate ? " for update" : "");
        return client.preparedQuery(sql).execute(Tuple.of(id != null ? id : keyOrId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Commitment", keyOrId);
            }
            return Commitment.of(rows.iterator().next());
        });
    }

    static List<Commitment> commitments(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Commitment> out = new ArrayList<>();
        rows.forEach(r -> out.add(Commitment.of(r)));
        return out;
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

    /** The opaque cursor of a period list: the first day of the last period shown. */
    static final class PeriodCursor {

        private static final String PREFIX = "p:";

        private PeriodCursor() {
        }

        static String encode(LocalDate lastShown) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((PREFIX + lastShown).getBytes(StandardCharsets.UTF_8));
        }

        /** Null for no cursor; 400 naming {@code cursor} when it is not ours. */
        static LocalDate decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
                if (!raw.startsWith(PREFIX)) {
                    throw new IllegalArgumentException(raw);
                }
                return LocalDate.parse(raw.substring(PREFIX.length()));
            } catch (RuntimeException e) {
                throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
            }
        }
    }
}
