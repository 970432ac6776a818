package io.accord.report;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Reports' background work ({@code accord.reports.*}). Both keys are read by the scheduler through property
 * expressions ({@code @Scheduled(every = "${accord.reports.rollup-interval}")}); this mapping declares them and holds
 * their defaults. Nothing injects it, so it is {@link Unremovable}: Quarkus registers a mapping without an injection
 * point only then, and without it the keys would have no default and {@code accord.reports.*} would be refused as
 * unknown.
 */
@Unremovable
@ConfigMapping(prefix = "accord.reports")
public interface ReportSettings {

    /** How often a replica computes the business time of newly met SLA clocks (reports also do it first). */
    @WithDefault("PT10S")
    Duration clockDurationsInterval();

    /**
     * How often a replica builds the monthly SLA rollups of closed months that changed. Reports stay exact in
     * between: they read a changed month from the clocks until it is built again.
     */
    @WithDefault("PT1M")
    Duration rollupInterval();
}
