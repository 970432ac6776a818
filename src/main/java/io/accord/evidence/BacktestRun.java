package io.accord.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.accord.icp.Criterion;
import io.accord.icp.Evaluation;
import io.accord.icp.IcpScorer;
import io.accord.icp.LeadAttributes;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One backtest's computation: reads the window's leads with a cursor, {@code batchSize} at a time, scores each with
 * the version's {@link IcpScorer} (exactly as intake scores), and counts it into the tallies; only the counters live
 * in memory, never the leads. Each batch is scored on a worker thread, not on the event loop. Not thread safe: one
 * run per backtest.
 */
final class BacktestRun {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final String icpKey;
    private final IcpScorer scorer;
    private final ObjectReader reader;
    private final EvidenceSettings settings;
    private final Tally candidate;
    private final Tally active;
    private final CriterionTally criteria;
    private final SuggestionTally suggestions;
    private final Set<Integer> activeVersions = new TreeSet<>();
    private final int candidateVersion;
    private long processed;

    BacktestRun(String icpKey, int version, IcpScorer scorer, ObjectMapper json, EvidenceSettings settings) {
        this.icpKey = icpKey;
        this.candidateVersion = version;
        this.scorer = scorer;
        this.reader = json.readerFor(MAP);
        this.settings = settings;
        this.candidate = new Tally(scorer.tierLabels());
        this.active = new Tally(scorer.tierLabels());
        this.criteria = new CriterionTally(scorer.criteria());
        this.suggestions = new SuggestionTally(
                scorer.criteria().stream().map(Criterion::attribute).collect(Collectors.toSet()),
                settings.suggestionMaxValues());
    }

    /**
     * Reads and scores every lead of the window in one read-only transaction of {@code pool};
     * {@code afterBatch} is told the leads processed so far after each batch and may stop the run by failing.
     */
    Uni<BacktestResultView> run(Pool pool, Instant from, Instant to, BacktestRequest.Filters filters,
            Function<Long, Uni<Void>> afterBatch) {
        return pool.withTransaction(conn -> conn.query("set transaction read only").execute()
                .chain(() -> conn.prepare(BacktestStore.LEADS))
                .chain(ps -> {
                    Cursor cursor = ps.cursor(BacktestStore.window(from, to, filters));
                    return drain(cursor, afterBatch).eventually(cursor::close);
                }))
                .map(x -> result());
    }

    /**
     * Reads batch after batch. The next batch is asked for before the current one is scored, so the database reads
     * while this scores: the two overlap on two cores instead of taking turns.
     */
    private Uni<Void> drain(Cursor cursor, Function<Long, Uni<Void>> afterBatch) {
        return cursor.read(settings.batchSize()).chain(first -> next(cursor, first, afterBatch));
    }

    private Uni<Void> next(Cursor cursor, RowSet<Row> current, Function<Long, Uni<Void>> afterBatch) {
        CompletableFuture<RowSet<Row>> ahead = cursor.hasMore()
                ? cursor.read(settings.batchSize()).subscribeAsCompletionStage()
                : null;
        return Uni.createFrom().item(current)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(this::count)
                .chain(() -> afterBatch.apply(processed))
                .onFailure().invoke(() -> {
                    if (ahead != null) {
                        ahead.cancel(false);
                    }
                })
                .chain(() -> ahead == null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().completionStage(ahead).chain(rows -> next(cursor, rows, afterBatch)));
    }

    private void count(RowSet<Row> rows) {
        for (Row r : rows) {
            LeadAttributes lead = new LeadAttributes(map(r.getString(0)), map(r.getString(1)), map(r.getString(2)));
            Outcome outcome = new Outcome(r.getBoolean(7), r.getBoolean(8), r.getBoolean(9), r.getBoolean(10),
                    r.getString(11), r.getInteger(12));
            Evaluation e = scorer.score(lead);
            candidate.add(e.tier(), e.score(), outcome);
            criteria.add(e, outcome);
            suggestions.add(lead, outcome);
            if (icpKey.equals(r.getString(3))) {
                activeVersions.add(r.getInteger(4));
                active.add(r.getString(6), r.getInteger(5), outcome);
            } else {
                active.add(null, null, outcome);
            }
            processed++;
        }
    }

    private Map<String, Object> map(String text) {
        if (text == null || text.length() <= 2) {
            return null;
        }
        try {
            return reader.readValue(text);
        } catch (JsonProcessingException e) {
            return null; // stored attributes were validated JSON objects at intake
        }
    }

    long processed() {
        return processed;
    }

    BacktestResultView result() {
        int top = settings.topRejectionReasons();
        return new BacktestResultView(candidate.leads(),
                BacktestResultView.side(List.of(candidateVersion), candidate.figures(top)),
                BacktestResultView.side(new ArrayList<>(activeVersions), active.figures(top)),
                criteria.evidence().stream().map(BacktestResultView::criterion).toList(),
                suggestions.top(settings.suggestionMinLeads(), settings.suggestionLimit()).stream()
                        .map(BacktestResultView::suggestion).toList(),
                suggestions.dropped());
    }
}
