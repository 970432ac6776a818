package io.accord.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The current revision of an SLA policy. Conditions and milestones are kept as normalised JSON. */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy {

    @Id
    public UUID id;
    public String key;
    public String name;
    public int priority;
    public boolean enabled;
    public UUID calendarId;
    public String calendarKey;
    /** team, owner or both. */
    public String businessTime = "team";
    public String conditions;
    public String milestones;
    public int revision;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    @Version
    public long version;
}
