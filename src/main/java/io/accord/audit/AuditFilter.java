package io.accord.audit;

import java.time.Instant;

/** Optional filters of the audit log; null means "any". */
record AuditFilter(String resourceType, String resourceId, String actor, Instant since) {
}
