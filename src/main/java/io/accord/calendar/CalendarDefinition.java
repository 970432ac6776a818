package io.accord.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A stored business calendar. Hours and holidays are kept as the JSON the caller sent (validated). */
@Entity
@Table(name = "calendars")
public class CalendarDefinition {

    @Id
    public UUID id;
    public String key;
    public String name;
    public String timeZone;
    /** JSON array of {@code {day, start, end}}. */
    public String hours;
    /** JSON array of {@code {date, name}}. */
    public String holidays;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    @Version
    public long version;
}
