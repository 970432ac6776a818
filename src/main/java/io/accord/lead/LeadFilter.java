package io.accord.lead;

import java.time.Instant;

/** Filters of the lead list; any may be null. {@code handedOffFrom} is inclusive, {@code handedOffTo} exclusive. */
public record LeadFilter(String status, String ownerId, String teamKey, String icpKey, String tier, String source,
        Instant handedOffFrom, Instant handedOffTo) {
}
