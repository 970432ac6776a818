package io.accord.lead;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InboundMessage", description = "A message the prospect sent. It may start a cycle of the lead's "
        + "`next_response` SLA clock.")
public record InboundMessageView(
        UUID id,
        UUID leadId,
        @Schema(example = "email", enumeration = {"email", "call", "chat", "form", "social", "other"}) String channel,
        @Schema(example = "2026-11-20T16:30:00Z") Instant occurredAt,
        @Schema(example = "2026-11-20T16:31:02Z") Instant createdAt,
        @Schema(nullable = true, example = "2", description = "The next_response cycle this message started; null "
                + "when it started none (no such milestone in the lead's policy, a cycle already live, or the lead not "
                + "in mql, accepted or qualified)") Integer startedCycle) {

    static InboundMessageView of(LeadInboundMessage m) {
        return new InboundMessageView(m.id, m.leadId, m.channel, m.occurredAt, m.createdAt, m.startedCycle);
    }
}
