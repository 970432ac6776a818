package io.accord.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The statement of the fit-vs-outcome report and how its rows become it. */
final class FitVsOutcomeStatements {

    private FitVsOutcomeStatements() {
    }

    /** The report over {@code conn}: one statement, ranked by each ICP version's tier order. */
    static Uni<FitVsOutcomeReport> fitVsOutcome(SqlConnection conn, ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder agg = new StringBuilder("""
                select fit_icp_key, fit_version, fit_tier, count(*) as leads,
                    count(*) filter (where accepted_at >= handed_off_at) as accepted,
                    count(*) filter (where qualified_at >= handed_off_at) as qualified,
                    count(*) filter (where status = 'won') as won,
                    count(*) filter (where rejected_at >= handed_off_at) as rejected
                from leads""");
        q.where(agg, args, "handed_off_at");
        agg.append(" group by fit_icp_key, fit_version, fit_tier");
        String sql = "with agg as (" + agg + ") select agg.*, accord_tier_rank(v.definition, agg.fit_tier) as tier_rank "
                + "from agg left join icps i on i.key = agg.fit_icp_key "
                + "left join icp_versions v on v.icp_id = i.id and v.number = agg.fit_version "
                + "order by agg.fit_icp_key nulls last, agg.fit_version nulls last, tier_rank nulls last, agg.fit_tier nulls last";
        return conn.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<FitVsOutcomeReport.Row> out = new ArrayList<>();
            for (Row r : rows) {
                long leads = r.getLong("leads");
                long accepted = r.getLong("accepted");
                long qualified = r.getLong("qualified");
                long won = r.getLong("won");
                long rejected = r.getLong("rejected");
                out.add(new FitVsOutcomeReport.Row(r.getString("fit_icp_key"), r.getInteger("fit_version"),
                        r.getString("fit_tier"), leads, accepted, Rates.percent(accepted, leads), qualified,
                        Rates.percent(qualified, leads), won, Rates.percent(won, leads), rejected,
                        Rates.percent(rejected, leads)));
            }
            return new FitVsOutcomeReport(q.from(), q.to(), out);
        });
    }
}
