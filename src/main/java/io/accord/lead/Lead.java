package io.accord.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored lead. Intake writes rows with one set-based upsert ({@link LeadIntakeRepository}); the entity is used to
 * read leads and to apply lifecycle actions, so intake-owned columns are read-only here.
 */
@Entity
@Table(name = "leads")
public class Lead {

    @Id
    public UUID id;
    @Column(updatable = false)
    public String source;
    @Column(updatable = false)
    public String externalId;
    public String status;
    /** JSON object text. */
    @Column(updatable = false)
    public String company;
    @Column(updatable = false)
    public String contact;
    @Column(updatable = false)
    public String custom;
    @Column(updatable = false)
    public String country;
    public String ownerId;
    public String teamKey;
    @Column(updatable = false)
    public String fitIcpKey;
    @Column(updatable = false)
    public Integer fitVersion;
    @Column(updatable = false)
    public Integer fitScore;
    @Column(updatable = false)
    public String fitTier;
    @Column(updatable = false)
    public Boolean fitQualified;
    public UUID handoffId;
    public Instant handedOffAt;
    public String rejectReason;
    public String rejectNote;
    public String outcome;
    @Column(updatable = false)
    public Instant createdAt;
    public Instant updatedAt;
    /** Set by erasure ({@link LeadErasure}), which writes the row itself. */
    @Column(updatable = false)
    public Instant erasedAt;
    /** The current hold (POST /leads/{id}/hold); a hold whose {@code holdUntil} has passed has ended by itself. */
    public String holdReason;
    public Instant heldAt;
    public Instant holdUntil;
    @Version
    public long version;
}
