package io.accord.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message the prospect sent (email, call, chat, form, social, other), recorded on its lead. */
@Entity
@Table(name = "lead_inbound_messages")
public class LeadInboundMessage {

    @Id
    public UUID id;
    public UUID leadId;
    public String channel;
    public Instant occurredAt;
    /** The next_response cycle it started, or null. */
    public Integer startedCycle;
    public Instant createdAt;
    public String createdBy;
}
