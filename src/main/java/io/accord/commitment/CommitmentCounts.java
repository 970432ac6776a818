package io.accord.commitment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a commitment counts, per period, in one statement: the distinct leads with a {@code hand_off} (or
 * {@code accept}) lifecycle event inside each period (index {@code lead_events_kind_at}), optionally only leads that
 * fit the commitment's ICP and are of its minimum tier or better.
 *
 * <p>Tier order: with an ICP, the order of the tier list of the ICP version the lead was scored with (highest first;
 * a version without a tier of that label counts none of its leads); without an ICP, label order (A is better than B,
 * compared character by character). Leads without a tier never count when a minimum tier is set.
 */
final class CommitmentCounts {

    private CommitmentCounts() {
    }

    /** One count per period, in the order given. */
    static Uni<List<Long>> actuals(SqlClient client, Commitment c, List<CommitmentPeriod> periods) {
        if (periods.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Object> args = new ArrayList<>();
        args.add(periods.stream().map(p -> p.start().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
        args.add(periods.stream().map(p -> p.end().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
        args.add(c.eventKind());
        StringBuilder inner = new StringBuilder("select count(distinct e.lead_id) from lead_events e "
                + "join leads l on l.id = e.lead_id ");
        StringBuilder where = new StringBuilder("where e.kind = $3 and e.at >= p.s and e.at < p.e");
        if (c.icpKey() != null) {
            args.add(c.icpKey());
            where.append(" and l.fit_icp_key = $").append(args.size());
            if (c.minTier() != null) {
                inner.append("join icps i on i.key = l.fit_icp_key "
                        + "join icp_versions v on v.icp_id = i.id and v.number = l.fit_version ");
                args.add(c.minTier());
                where.append(" and accord_tier_rank(v.definition, l.fit_tier) <= accord_tier_rank(v.definition, $")
                        .append(args.size()).append(")");
            }
        } else if (c.minTier() != null) {
            args.add(c.minTier());
            where.append(" and l.fit_tier is not null and l.fit_tier collate \"C\" <= $").append(args.size())
                    .append(" collate \"C\"");
        }
        String sql = "select p.n, (" + inner + where + ") as actual "
                + "from unnest($1::timestamptz[], $2::timestamptz[]) with ordinality as p(s, e, n) order by p.n";
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<Long> out = new ArrayList<>(periods.size());
            for (Row r : rows) {
                out.add(r.getLong("actual"));
            }
            return out;
        });
    }
}
