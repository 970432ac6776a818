package io.accord.icp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An Ideal Customer Profile: a stable key and name; its content lives in its versions. */
@Entity
@Table(name = "icps")
public class Icp {

    @Id
    public UUID id;
    public String key;
    public String name;
    public String description;
    public Instant createdAt;
    public String createdBy;
    /** Changes with the name, the description and the active version (activation, retirement). */
    public Instant updatedAt;
    public String updatedBy;
    @Version
    public long version;
}
