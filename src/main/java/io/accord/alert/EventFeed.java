package io.accord.alert;

import io.accord.common.Page;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads the event sequence for the pull feed and the live streams, and forgets events past their retention. */
@ApplicationScoped
public class EventFeed {

    /** Forgets events past their retention; served by the index {@code events_at}. */
    public static final String PURGE = "delete from events where at < $1";

    private final Pool pool;
    private final Clock clock;
    private final EventSettings config;

    public EventFeed(Pool pool, Clock clock, EventSettings config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** Events after {@code after}, in sequence order, at most {@code limit}. */
    Uni<List<EventView>> after(long after, AlertFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select seq, type, at, data from events where seq > $1");
        List<Object> args = new ArrayList<>(List.of(after));
        filter.appendToEvents(sql, args);
        sql.append(" order by seq limit ").append(limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<EventView> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new EventView(Long.toString(row.getLong("seq")), row.getString("type"),
                        row.getOffsetDateTime("at").toInstant(), row.getString("data")));
            }
            return events;
        });
    }

    Uni<Page<EventView>> page(long after, AlertFilter filter, int limit) {
        return after(after, filter, limit).map(items -> new Page<>(items,
                items.size() == limit ? items.get(items.size() - 1).id() : null));
    }

    /** The newest sequence number, where a stream without Last-Event-ID starts. */
    Uni<Long> head() {
        return pool.query("select coalesce(max(seq), 0) as head from events").execute()
                .map(rows -> rows.iterator().next().getLong("head"));
    }

    /** Forgets events older than the retention (at least 30 days); runs on every replica, harmlessly. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of(clock.instant().minus(config.retention()).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
