package io.accord.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures: alert drafts as the SLA detector would raise them. */
final class Alerts {

    private Alerts() {
    }

    static AlertDraft breach(UUID clockId, String teamKey, String tier) {
        return new AlertDraft.ClockBreach(new AlertDraft.ClockFacts(clockId, UUID.randomUUID(), "webinar",
                "ext-" + clockId, "Acme GmbH", "rep-1", teamKey, tier, "tier-a", 1, "first_touch",
                Instant.parse("2026-11-23T11:00:00Z")));
    }

    static List<AlertDraft> breaches(int n, String teamKey) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> breach(UUID.randomUUID(), teamKey, "A")).toList();
    }
}
