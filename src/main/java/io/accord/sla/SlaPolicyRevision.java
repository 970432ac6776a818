package io.accord.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An immutable snapshot of a policy, written on create and on every edit. Clocks reference it. */
@Entity
@Table(name = "sla_policy_revisions")
public class SlaPolicyRevision {

    @Id
    public UUID id;
    public UUID policyId;
    public int revision;
    public String key;
    public String name;
    public int priority;
    public boolean enabled;
    public String calendarKey;
    public String businessTime = "team";
    public String conditions;
    public String milestones;
    public Instant createdAt;
    public String createdBy;
}
