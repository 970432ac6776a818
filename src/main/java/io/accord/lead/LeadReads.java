package io.accord.lead;

import io.accord.common.Keyset;
import io.accord.common.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lead reads on the hot path (one lead, a page of leads): one prepared statement on the pool, no Hibernate session.
 * Rows become detached {@link Lead} objects, so the views are built by the same code as after a write. Each filter
 * combination is served by one of the {@code leads_*} indexes on (filter, created_at, id).
 */
@ApplicationScoped
class LeadReads {

    static final String COLUMNS = "id, source, external_id, status, company, contact, custom, country, owner_id, "
            + "team_key, fit_icp_key, fit_version, fit_score, fit_tier, fit_qualified, handoff_id, handed_off_at, "
            + "reject_reason, reject_note, outcome, created_at, updated_at, erased_at, version, hold_reason, held_at, "
            + "hold_until";

    private final Pool pool;

    LeadReads(Pool pool) {
        this.pool = pool;
    }

    /** The lead, or null. */
    Uni<Lead> byId(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from leads where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : lead(rows.iterator().next()));
    }

    /** A page in creation order after the cursor: {@code page.fetchSize()} rows at most. */
    Uni<List<Lead>> page(LeadFilter f, PageRequest page) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from leads where true");
        List<Object> args = new ArrayList<>();
        equal(sql, args, "status", f.status());
        equal(sql, args, "owner_id", f.ownerId());
        equal(sql, args, "team_key", f.teamKey());
        equal(sql, args, "fit_icp_key", f.icpKey());
        equal(sql, args, "fit_tier", f.tier());
        equal(sql, args, "source", f.source());
        if (f.handedOffFrom() != null) {
            args.add(utc(f.handedOffFrom()));
            sql.append(" and handed_off_at >= $").append(args.size());
        }
        if (f.handedOffTo() != null) {
            args.add(utc(f.handedOffTo()));
            sql.append(" and handed_off_at < $").append(args.size());
        }
        if (page.after() != null) {
            sql.append(" and ").append(Keyset.sql("created_at", "id", page.after(), args));
        }
        args.add(page.fetchSize());
        sql.append(" order by created_at, id limit $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(LeadReads::leads);
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(column).append(" = $").append(args.size());
        }
    }

    private static List<Lead> leads(RowSet<Row> rows) {
        List<Lead> list = new ArrayList<>(rows.size());
        for (Row r : rows) {
            list.add(lead(r));
        }
        return list;
    }

    private static Lead lead(Row r) {
        Lead l = new Lead();
        l.id = r.getUUID(0);
        l.source = r.getString(1);
        l.externalId = r.getString(2);
        l.status = r.getString(3);
        l.company = r.getString(4);
        l.contact = r.getString(5);
        l.custom = r.getString(6);
        l.country = r.getString(7);
        l.ownerId = r.getString(8);
        l.teamKey = r.getString(9);
        l.fitIcpKey = r.getString(10);
        l.fitVersion = r.getInteger(11);
        l.fitScore = r.getInteger(12);
        l.fitTier = r.getString(13);
        l.fitQualified = r.getBoolean(14);
        l.handoffId = r.getUUID(15);
        l.handedOffAt = instant(r.getOffsetDateTime(16));
        l.rejectReason = r.getString(17);
        l.rejectNote = r.getString(18);
        l.outcome = r.getString(19);
        l.createdAt = instant(r.getOffsetDateTime(20));
        l.updatedAt = instant(r.getOffsetDateTime(21));
        l.erasedAt = instant(r.getOffsetDateTime(22));
        l.version = r.getLong(23);
        l.holdReason = r.getString(24);
        l.heldAt = instant(r.getOffsetDateTime(25));
        l.holdUntil = instant(r.getOffsetDateTime(26));
        return l;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
