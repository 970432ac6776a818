package io.accord.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One write through the API, appended in the same transaction as the write itself. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    public UUID id;
    public Instant at;
    public String actor;
    public String action;
    public String resourceType;
    public String resourceId;
    public String summary;
}
