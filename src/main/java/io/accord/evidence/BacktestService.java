package io.accord.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.audit.AuditLog;
import io.accord.common.FieldError;
import io.accord.common.InstantRange;
import io.accord.common.ProblemException;
import io.accord.icp.IcpScorer;
import io.accord.icp.IcpScoring;
import io.accord.icp.IcpVersionSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Backtests of ICP versions. A window of at most {@code accord.evidence.sync-max-leads} leads is scored in the request
 * and stored as done; a larger one is stored as a queued job that {@link BacktestJobs} runs on some replica. Either
 * way the backtest is audited (resource type {@code icp}, the ICP's key) and kept for {@code accord.evidence.retention}.
 */
@ApplicationScoped
public class BacktestService {

    /** A started backtest: {@code queued} when it runs as a job. */
    public record Started(boolean queued, BacktestView view) {
    }

    private final Pool pool;
    private final BacktestStore store;
    private final IcpScoring icps;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final EvidenceSettings settings;

    BacktestService(Pool pool, BacktestStore store, IcpScoring icps, AuditLog audit, ObjectMapper json, Clock clock,
            EvidenceSettings settings) {
        this.pool = pool;
        this.store = store;
        this.icps = icps;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    public Uni<Started> start(String key, int number, BacktestRequest request, String actor) {
        validate(request);
        BacktestRequest.Filters filters = request.filtersOrNone();
        return icps.version(key, number).chain(version -> store.count(pool, request.from(), request.to(), filters)
                .chain(count -> {
                    Instant now = now();
                    if (count <= settings.syncMaxLeads()) {
                        BacktestRun run = new BacktestRun(key, number, IcpScorer.of(version.definition()), json,
                                settings);
                        return run.run(pool, request.from(), request.to(), filters, p -> Uni.createFrom().voidItem())
                                .chain(result -> save(version, request, filters, "done", run.processed(),
                                        write(result), now, actor))
                                .map(stored -> new Started(false, view(stored)));
                    }
                    return save(version, request, filters, "queued", count, null, now, actor)
                            .map(stored -> new Started(true, view(stored)));
                }));
    }

    public Uni<BacktestView> get(UUID id) {
        return store.get(id).map(stored -> {
            if (stored == null) {
                throw ProblemException.notFound("Backtest", id);
            }
            return view(stored);
        });
    }

    private Uni<BacktestStore.Stored> save(IcpVersionSnapshot version, BacktestRequest request,
            BacktestRequest.Filters filters, String status, long leads, String result, Instant now, String actor) {
        boolean done = "done".equals(status);
        BacktestStore.Stored row = new BacktestStore.Stored(UUID.randomUUID(), version.icpKey(), version.number(),
                version.editedAt(), request.from(), request.to(), write(filters), status, leads, done ? leads : 0,
                result, null, 0, null, now, actor, done ? now : null, now.plus(settings.retention()));
        return pool.withTransaction(conn -> store.insert(conn, row, done ? null : now)
                .call(s -> audit.record(conn, now, actor, done ? "icp.backtest.done" : "icp.backtest.queued", "icp",
                        version.icpKey(), (done ? "Backtested" : "Queued a backtest of") + " version "
                                + version.number() + " of ICP '" + version.icpKey() + "' on " + leads
                                + " leads handed off in [" + request.from() + ", " + request.to() + ") as " + s.id())));
    }

    BacktestView view(BacktestStore.Stored s) {
        return new BacktestView(s.id(), s.icpKey(), s.version(), s.versionEditedAt(), s.from(), s.to(),
                read(s.filters(), BacktestRequest.Filters.class), s.status(), s.leads(), s.processed(), s.createdAt(),
                s.createdBy(), s.finishedAt(), s.expiresAt(), s.error(),
                s.result() == null ? null : read(s.result(), BacktestResultView.class));
    }

    private static void validate(BacktestRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!InstantRange.contains(request.from())) {
            errors.add(new FieldError("from", InstantRange.MESSAGE));
        }
        if (!InstantRange.contains(request.to())) {
            errors.add(new FieldError("to", InstantRange.MESSAGE));
        }
        if (errors.isEmpty() && !request.from().isBefore(request.to())) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a backtest as JSON", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored backtest", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
