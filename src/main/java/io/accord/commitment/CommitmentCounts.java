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
 * {@code accept}) lifecycle event inside each period, optionally only leads that fit the commitment's ICP and are of
 * its minimum tier or better, by the fit the event recorded (frozen from hand-off on). It reads the covering index
 * {@code lead_events_kind_at} only.
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
        String with = "";
        StringBuilder inner = new StringBuilder("select count(distinct e.lead_id) from lead_events e ");
        StringBuilder where = new StringBuilder("where e.kind = $3 and e.at >= p.s and e.at < p.e");
        if (c.icpKey() != null) {
            args.add(c.icpKey());
            int icp = args.size();
            where.append(" and e.fit_icp_key = $").append(icp);
            if (c.minTier() != null) {
                // The (version, tier) pairs of the ICP at or above the minimum tier, from each version's tier list,
                // computed once; leads are then matched against them by a hashed semi-join.
                args.add(c.minTier());
                with = "with qualifying as (select v.number, t.tier ->> 'label' as label from icps i "
                        + "join icp_versions v on v.icp_id = i.id "
                        + "cross join lateral jsonb_array_elements(v.definition -> 'tiers') with ordinality as t(tier, ord) "
                        + "where i.key = $" + icp + " and t.ord <= accord_tier_rank(v.definition, $" + args.size() + ")) ";
                where.append(" and (e.fit_version, e.fit_tier) in (select number, label from qualifying)");
            }
        } else if (c.minTier() != null) {
            args.add(c.minTier());
            where.append(" and e.fit_tier is not null and e.fit_tier collate \"C\" <= $").append(args.size())
                    .append(" collate \"C\"");
        }
        String sql = with + "select p.n, (" + inner + where + ") as actual "
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
