package io.accord.icp;

import java.time.Instant;
import java.util.UUID;

/** One version as other features read it: its identity, status, content and the last edit of that content. */
public record IcpVersionSnapshot(UUID versionId, String icpKey, int number, String status, IcpDefinition definition,
        Instant editedAt) {
}
