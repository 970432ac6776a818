package io.accord.audit;

import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.time.ZoneOffset;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The audit log. {@link #record} must be called inside the transaction of the write it describes, so a write and
 * its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String action, String resourceType, Object resourceId, String summary) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        event.actor = actor;
        event.action = action;
        event.resourceType = resourceType;
        event.resourceId = String.valueOf(resourceId);
        event.summary = summary;
        return repository.persist(event).replaceWithVoid();
    }

    /** The same, for features that write through the reactive SQL client: appended on {@code conn}'s transaction. */
    public Uni<Void> record(SqlConnection conn, Instant at, String actor, String action, String resourceType,
            Object resourceId, String summary) {
        return conn.preparedQuery("insert into audit_events (id, at, actor, action, resource_type, resource_id, summary) "
                        + "values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(java.util.List.of(UUID.randomUUID(),
                        at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), actor, action, resourceType,
                        String.valueOf(resourceId), summary)))
                .replaceWithVoid();
    }

    @WithSession
    Uni<Page<AuditEventView>> list(AuditFilter filter, PageRequest page) {
        return repository.page(filter, page)
                .map(rows -> Page.of(rows, page, e -> new Cursor(e.at, e.id), AuditEventView::of));
    }
}
