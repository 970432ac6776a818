package io.accord.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored API key: only the hash of its secret is kept. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public UUID id;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;
    public String teamKey;
    public String keyHash;
    public String keyHint;
    public Instant createdAt;
    public String createdBy;
    public Instant revokedAt;
    public String revokedBy;
    @Version
    public long version;
}
