package io.accord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.webhook.WebhookSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Each setting's default is written once, with {@code @WithDefault} in its feature's mapping; the scheduler's
 * property expressions ({@code @Scheduled(every = "${accord.webhooks.poll-interval}")}) repeat none and still see it,
 * also for a mapping nothing injects ({@code ReportSettings}, read only by the scheduler).
 */
@QuarkusTest
class SettingsDefaultsTest {

    @Inject
    Config config;

    @Inject
    WebhookSettings webhooks;

    @Test
    void scheduledIntervalsNotSetAnywhereResolveToTheirMappingDefaults() {
        assertEquals(Duration.ofSeconds(1), config.getValue("accord.webhooks.poll-interval", Duration.class));
        assertEquals(Duration.ofSeconds(10), config.getValue("accord.reports.clock-durations-interval", Duration.class));
        assertEquals(Duration.ofHours(1), config.getValue("accord.secrets.reseal-interval", Duration.class));
        assertEquals(Duration.ofSeconds(1), webhooks.pollInterval());
    }

    @Test
    void settingsKeepTheirNamesForOverrides() {
        // Set as %test.accord.* in application.properties.
        assertEquals(Duration.ofHours(1), config.getValue("accord.reports.rollup-interval", Duration.class));
        assertEquals(Duration.ofSeconds(3), webhooks.timeout());
        assertTrue(webhooks.allowPrivateTargets());
    }
}
