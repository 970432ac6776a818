package io.accord.icp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One numbered version of an ICP: its criteria and tiers, and where it is in the approval workflow. */
@Entity
@Table(name = "icp_versions")
public class IcpVersion {

    @Id
    public UUID id;
    public UUID icpId;
    public int number;
    /** An {@link IcpVersionLifecycle.Status} wire name. */
    public String status;
    /**
     * The criteria and tiers as JSON in a jsonb column, (de)serialised by {@link StoredDefinitions} rather than by
     * Hibernate's JSON format mapper, so that the stored form does not depend on the REST layer's Jackson settings.
     * The parameter is cast to text first: the reactive driver would otherwise send a Java string to a jsonb
     * parameter as a JSON string literal.
     */
    @Column(name = "definition")
    @ColumnTransformer(read = "definition::text", write = "(?::text)::jsonb")
    public String definitionJson;
    public String notes;
    public Integer copiedFrom;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
    public Instant proposedAt;
    public String proposedBy;
    public Instant activatedAt;
    public Instant supersededAt;
    public Instant rejectedAt;
    /** The last edit of the content (creation or PUT); {@code updatedAt} also moves on proposal and decisions. */
    public Instant editedAt;
    /** The latest finished backtest when the version was proposed (null: none). */
    public java.util.UUID proposedBacktestId;
    public Instant proposedBacktestAt;
    public boolean proposedBacktestStale;
    @Version
    public long rowVersion;

    IcpDefinition definition() {
        return StoredDefinitions.read(definitionJson);
    }

    void definition(IcpDefinition definition) {
        this.definitionJson = StoredDefinitions.write(definition);
    }

    IcpVersionLifecycle.Status lifecycleStatus() {
        return IcpVersionLifecycle.Status.fromWire(status);
    }
}
