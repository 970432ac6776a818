package io.accord.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.alert.AlertDraft;
import io.accord.alert.AlertService;
import io.accord.icp.IcpScoring;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The weekly drift watch. For the active version of each ICP that has a backtest, compares the tier mix and win rates
 * of the leads handed off in the last {@code accord.evidence.drift-weeks} weeks (their recorded fit) with the
 * version's latest backtest ({@link DriftRule}), and raises an {@code icp.drift} alert when it drifted. Each ICP is
 * checked once per ISO week (UTC) on any number of replicas: the check's row in {@code icp_drift_checks} (primary key
 * ICP and week) is inserted in the transaction that raises the alert, so a second replica, or a second run, finds it
 * and does nothing; the alert is also unique per (subject, kind).
 */
@ApplicationScoped
public class DriftWatch {

    private static final Logger LOG = Logger.getLogger(DriftWatch.class);

    /** The recent tier counts of one ICP version; served by {@code leads_fit_icp}. */
    public static final String RECENT = BacktestStore.RECENT;

    private final Pool pool;
    private final BacktestStore store;
    private final IcpScoring scoring;
    private final AlertService alerts;
    private final ObjectMapper json;
    private final Clock clock;
    private final EvidenceSettings settings;

    DriftWatch(Pool pool, BacktestStore store, IcpScoring scoring, AlertService alerts, ObjectMapper json, Clock clock,
            EvidenceSettings settings) {
        this.pool = pool;
        this.store = store;
        this.scoring = scoring;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(cron = "${accord.evidence.drift-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> weekly() {
        return check().onFailure().invoke(e -> LOG.warnf("Drift watch failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Checks every active ICP not yet checked this ISO week; answers how many {@code icp.drift} alerts it raised. */
    public Uni<Integer> check() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String week = isoWeek(now);
        return scoring.activeVersions().chain(active -> Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(v -> check(v, now, week))
                .collect().asList()
                .map(raised -> raised.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> check(IcpScoring.ActiveVersion version, Instant now, String week) {
        return store.latest(version.icpKey(), version.version()).chain(backtest -> {
            if (backtest == null || backtest.result() == null) {
                return Uni.createFrom().item(0);
            }
            BacktestResultView result = read(backtest.result());
            Instant since = now.minus(Duration.ofDays(7L * settings.driftWeeks()));
            return pool.preparedQuery(RECENT).execute(Tuple.of(BacktestStore.at(since), BacktestStore.at(now),
                    version.icpKey(), version.version())).chain(rows -> {
                        List<DriftRule.Count> recent = new ArrayList<>();
                        for (Row r : rows) {
                            recent.add(new DriftRule.Count(r.getString("fit_tier"), r.getLong("leads"),
                                    r.getLong("won")));
                        }
                        List<DriftRule.Count> before = result.candidate().tiers().stream()
                                .map(g -> new DriftRule.Count(g.tier(), g.leads(), g.won())).toList();
                        DriftRule.Verdict verdict = DriftRule.judge(version.tierLabels(), before, recent,
                                new DriftRule.Limits(settings.driftMinLeads(), settings.driftMinTierLeads(),
                                        settings.driftMaxMixShift()));
                        Map<String, Object> details = details(version, backtest, since, now, verdict);
                        return record(version, week, backtest, verdict, details, now);
                    });
        });
    }

    private Uni<Integer> record(IcpScoring.ActiveVersion version, String week, BacktestStore.Stored backtest,
            DriftRule.Verdict verdict, Map<String, Object> details, Instant now) {
        return pool.withTransaction(conn -> conn.preparedQuery("insert into icp_drift_checks (icp_key, iso_week, "
                        + "version_number, backtest_id, drifted, details, checked_at) values ($1, $2, $3, $4, $5, $6, $7) "
                        + "on conflict (icp_key, iso_week) do nothing")
                .execute(Tuple.from(List.of(version.icpKey(), week, version.version(), backtest.id(),
                        verdict.drifted(), write(details), BacktestStore.at(now))))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0 || !verdict.drifted()) {
                        return Uni.createFrom().item(0);
                    }
                    return alerts.raise(conn, now, List.of(new AlertDraft.IcpDrift(version.icpKey(), version.version(),
                            week, details))).map(List::size);
                }));
    }

    private static Map<String, Object> details(IcpScoring.ActiveVersion version, BacktestStore.Stored backtest,
            Instant since, Instant now, DriftRule.Verdict verdict) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("icpKey", version.icpKey());
        details.put("version", version.version());
        details.put("backtestId", backtest.id().toString());
        details.put("since", since.toString());
        details.put("until", now.toString());
        details.put("recentLeads", verdict.recentLeads());
        details.put("reasons", verdict.reasons());
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (DriftRule.TierMix t : verdict.tiers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tier", t.tier());
            m.put("backtestShare", t.backtestShare());
            m.put("recentShare", t.recentShare());
            m.put("backtestWonRate", t.backtestWonRate());
            m.put("recentWonRate", t.recentWonRate());
            m.put("recentLeads", t.recentLeads());
            tiers.add(m);
        }
        details.put("tiers", tiers);
        return details;
    }

    /** The ISO week of an instant in UTC, e.g. {@code 2026-W49}. */
    static String isoWeek(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private BacktestResultView read(String text) {
        try {
            return json.readValue(text, BacktestResultView.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read a stored backtest", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write drift details", e);
        }
    }
}
