package io.accord.alert;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts: raised exactly once per subject and kind (a unique constraint decides, not memory), listed, acknowledged
 * and resolved. Every change appends an event in the same transaction, which feeds the live stream, the pull feed
 * and the webhooks. Alerts are queue-like rows written in bulk by detectors, so this feature uses the reactive SQL
 * client directly ({@link AlertStore}).
 */
@ApplicationScoped
public class AlertService {

    private final Pool pool;
    private final AlertStore store;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;

    AlertService(Pool pool, AlertStore store, EventLog events, AuditLog audit, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises the drafts that do not exist yet, inside {@code conn}'s transaction, and returns the ones this call
     * created (a draft whose alert exists already is skipped: exactly once, whichever replica tries).
     */
    public Uni<List<AlertView>> raise(SqlConnection conn, Instant detectedAt, List<? extends AlertDraft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime at = detectedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // One global insertion order, so that transactions raising overlapping alerts cannot deadlock.
        List<AlertColumns> ordered = drafts.stream()
                .sorted(Comparator.comparing(AlertDraft::subject).thenComparing(AlertDraft::kind))
                .map(AlertDraft::columns).toList();
        int n = ordered.size();
        UUID[] ids = new UUID[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            details[i] = store.write(ordered.get(i).details());
        }
        return store.insertAbsent(conn, at, ids, ordered, details).chain(inserted -> {
            // The created alerts are exactly the drafts, so they are built here rather than read back.
            Instant stamp = at.toInstant();
            List<AlertView> created = new ArrayList<>(inserted.size());
            for (int i = 0; i < n; i++) {
                if (inserted.contains(ids[i])) {
                    created.add(created(ids[i], ordered.get(i), store.read(details[i]), stamp));
                }
            }
            return events.append(conn, detectedAt, created.stream().map(a -> event("alert.created", a)).toList())
                    .replaceWith(created);
        });
    }

    private static AlertView created(UUID id, AlertColumns d, Map<String, Object> details, Instant at) {
        return new AlertView(id, d.kind(), "open", null, d.clockId(), d.leadId(), d.source(), d.externalId(),
                d.companyName(), d.tier(), d.ownerId(), d.teamKey(), d.managerId(), d.policyKey(), d.policyRevision(),
                d.milestone(), d.dueAt() == null ? null : d.dueAt().truncatedTo(ChronoUnit.MICROS), at,
                AlertStore.link(d.leadId()), details, null, null, null, null, null, at);
    }

    /** Resolves the unresolved alerts of a clock that was met late or cancelled, in {@code conn}'s transaction. */
    public Uni<List<AlertView>> resolveForClocks(SqlConnection conn, Instant now, List<UUID> clockIds,
            List<String> resolutions) {
        if (clockIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return store.resolveForClocks(conn, now.atOffset(ZoneOffset.UTC), clockIds, resolutions)
                .chain(resolved -> events.append(conn, now,
                                resolved.stream().map(a -> event("alert.resolved", a)).toList())
                        .replaceWith(resolved));
    }

    public Uni<Page<AlertView>> list(AlertFilter filter, PageRequest page) {
        return store.page(filter, page).map(views -> Page.of(views, page, v -> new Cursor(v.createdAt(), v.id()), v -> v));
    }

    public Uni<AlertView> get(UUID id) {
        return store.find(id).map(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("Alert", id);
            }
            return alert;
        });
    }

    /** {@code open → acknowledged}. Acknowledging an acknowledged alert is a no-op; a resolved one is a 409. */
    public Uni<AlertView> acknowledge(UUID id, String comment, String actor) {
        return transition(id, actor, comment, "acknowledged");
    }

    /** {@code open|acknowledged → resolved} with resolution {@code manual}; resolving twice is a no-op. */
    public Uni<AlertView> resolve(UUID id, String comment, String actor) {
        return transition(id, actor, comment, "resolved");
    }

    private Uni<AlertView> transition(UUID id, String actor, String comment, String target) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(conn -> store.find(conn, id, true).chain(current -> {
            if (current == null) {
                throw ProblemException.notFound("Alert", id);
            }
            if (current.status().equals(target)) {
                return Uni.createFrom().item(current);
            }
            if (current.status().equals("resolved")) {
                throw new ProblemException(ProblemKind.INVALID_TRANSITION, "Alert " + id + " is resolved",
                        List.of(), Map.of("allowedActions", List.of()), Map.of());
            }
            Uni<AlertView> update = target.equals("acknowledged")
                    ? store.acknowledge(conn, id, at, actor, comment)
                    : store.resolve(conn, id, at, actor, comment);
            return update
                    .call(changed -> events.append(conn, now, List.of(event("alert." + target, changed))))
                    .call(changed -> audit.record(conn, now, actor, "alert." + target, "alert", id,
                            (target.equals("acknowledged") ? "Acknowledged " : "Resolved ") + changed.kind()
                                    + " alert" + (comment == null ? "" : ": " + comment)));
        }));
    }

    EventDraft event(String type, AlertView a) {
        return new EventDraft(type, a.id(), a.kind(), a.status(), a.leadId(), a.ownerId(), a.teamKey(), a.tier(),
                store.write(a));
    }
}
