package io.accord.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One milestone's clock for one hand-off of a lead. The deadlines are computed once, at hand-off, and stored, so later
 * calendar or policy edits never move them. Clocks are inserted and changed with set-based SQL
 * ({@link SlaClockRepository}); the entity is for reading.
 */
@Entity
@Table(name = "sla_clocks")
public class SlaClock {

    @Id
    public UUID id;
    public UUID leadId;
    public UUID handoffId;
    public String ownerId;
    public String teamKey;
    public String tier;
    public UUID policyId;
    public String policyKey;
    public int policyRevision;
    public String calendarKey;
    public String milestone;
    public String target;
    public Integer attempts;
    public String status;
    public Instant startedAt;
    public Instant warnAt;
    public Instant dueAt;
    public Instant escalateAt;
    public Instant metAt;
    public boolean late;
    public Instant breachedAt;
    public Instant cancelledAt;
    public Instant createdAt;
    /** The cycle of a recurring milestone (next_response), 1 for the others. */
    public int cycle = 1;
    /** While paused: when the hold ends by itself; null otherwise. */
    public Instant resumeAt;
    /** Closed pauses: how many, and the business and wall seconds they took. */
    public int pauses;
    public long pausedSeconds;
    public long pausedWallSeconds;
    /** The policy's business time when the clock started: team, owner or both. */
    public String businessTime = "team";
    /** Whether the clock is closed while its owner is absent (the team said pause when it started). */
    public boolean followsAbsences;
}
