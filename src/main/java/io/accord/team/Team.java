package io.accord.team;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored team. The calendar is referenced by id (foreign key) and, for reading, by its immutable key. */
@Entity
@Table(name = "teams")
public class Team {

    @Id
    public UUID id;
    public String key;
    public String name;
    public String function;
    public String managerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] members;
    public UUID calendarId;
    public String calendarKey;
    /** What an absent owner's clocks do: keep_running or pause. */
    public String ownerAbsence = "keep_running";
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    @Version
    public long version;
}
