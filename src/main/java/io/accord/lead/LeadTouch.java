package io.accord.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A call, email, meeting, social or other contact sales logged on a lead. */
@Entity
@Table(name = "lead_touches")
public class LeadTouch {

    @Id
    public UUID id;
    public UUID leadId;
    public String kind;
    public Instant occurredAt;
    public String actorId;
    public String note;
    public Instant createdAt;
    public String createdBy;
}
