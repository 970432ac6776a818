package io.accord.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** Backtests and the drift watch ({@code accord.evidence.*}). */
@ConfigMapping(prefix = "accord.evidence")
public interface EvidenceSettings {

    /** A backtest over at most this many leads answers in the request (200); a larger one runs as a job (202). */
    @WithDefault("50000")
    int syncMaxLeads();

    /** How many leads a backtest reads from the database at a time. */
    @WithDefault("5000")
    int batchSize();

    /** How long a backtest's result is kept. */
    @WithDefault("P7D")
    Duration retention();

    /** How often each replica looks for queued backtest jobs (and for jobs whose replica died); read by the scheduler. */
    @WithDefault("PT2S")
    Duration jobPollInterval();

    /** How long a claimed job stays with its replica without a sign of progress before another may take it. */
    @WithDefault("PT1M")
    Duration jobLease();

    /** A job that failed this many times is given up (status failed). */
    @WithDefault("3")
    int jobAttempts();

    /** How often each replica deletes expired backtests; read by the scheduler. */
    @WithDefault("PT1H")
    Duration retentionInterval();

    /** How many rejection reasons each tier lists. */
    @WithDefault("3")
    int topRejectionReasons();

    /** A suggested value needs at least this many leads. */
    @WithDefault("30")
    int suggestionMinLeads();

    /** How many suggestions a backtest lists at most. */
    @WithDefault("10")
    int suggestionLimit();

    /** An attribute with more distinct values than this (names, ids) is not considered for suggestions. */
    @WithDefault("1000")
    int suggestionMaxValues();

    /** When the drift watch runs (a Quartz-style cron; default Mondays 06:00 UTC); read by the scheduler. */
    @WithDefault("0 0 6 ? * MON")
    String driftCron();

    /** How many weeks of recent leads the drift watch compares with the backtest. */
    @WithDefault("4")
    int driftWeeks();

    /** A tier whose share of leads moved by more than this many percentage points is drift. */
    @WithDefault("15")
    BigDecimal driftMaxMixShift();

    /** The drift watch judges nothing on fewer recent leads than this. */
    @WithDefault("50")
    int driftMinLeads();

    /** The win-rate inversion of tiers A and B counts only when each has at least this many recent leads. */
    @WithDefault("20")
    int driftMinTierLeads();
}
