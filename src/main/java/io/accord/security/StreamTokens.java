package io.accord.security;

import io.accord.audit.AuditLog;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Short-lived, single-use tokens that stand in for a caller's credential on the live alert stream, for browsers whose
 * EventSource cannot send headers. Only the token's SHA-256 is stored, in PostgreSQL, so a token issued on one replica
 * works on any other. Using a token deletes its row in the same statement that reads it, so it works exactly once even
 * when two requests race. A token never outlives the credential it was issued for: it expires at the earlier of its
 * time to live and the bearer token's {@code exp}, and one issued for an API key fails once that key is revoked.
 */
@ApplicationScoped
public class StreamTokens {

    static final String PREFIX = "ast_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final AuditLog audit;
    private final Clock clock;
    private final AuthSettings config;

    public StreamTokens(Pool pool, AuditLog audit, Clock clock, AuthSettings config) {
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** Issues a token for {@code caller}; the audit entry names the token's id, never the token. */
    public Uni<StreamTokenView> issue(Caller caller) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(config.streamTokens().ttl());
        if (caller.credentialExpiresAt() != null && caller.credentialExpiresAt().isBefore(expiresAt)) {
            expiresAt = caller.credentialExpiresAt().truncatedTo(ChronoUnit.MICROS);
        }
        Instant expires = expiresAt;
        Tuple values = Tuple.from(List.of(hash(token), id, caller.principal(), caller.kind(),
                caller.roles().toArray(String[]::new)));
        values.addValue(caller.teamKey()).addValue(caller.displayName()).addValue(caller.apiKeyId())
                .addValue(utc(caller.credentialExpiresAt())).addValue(utc(now)).addValue(utc(expires));
        return pool.withTransaction(conn -> conn.preparedQuery("insert into stream_tokens (token_hash, id, principal, "
                        + "kind, roles, team_key, display_name, api_key_id, credential_expires_at, created_at, expires_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(values)
                .call(() -> audit.record(conn, now, caller.principal(), "stream_token.issued", "stream_token", id,
                        "Issued a single-use alert stream token valid until " + expires)))
                .map(ignored -> new StreamTokenView(token, expires));
    }

    /**
     * Uses a token up: deletes its row and answers the caller it was issued to. An unknown, used or expired token, or
     * one whose API key has since been revoked, fails authentication.
     */
    Uni<Caller> consume(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid stream token"));
        }
        return pool.preparedQuery("delete from stream_tokens t where t.token_hash = $1 returning t.*, "
                        + "(t.api_key_id is null or exists (select 1 from api_keys k where k.id = t.api_key_id "
                        + "and k.revoked_at is null)) as key_active")
                .execute(Tuple.of(hash(token)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("invalid stream token");
                    }
                    Row row = rows.iterator().next();
                    Instant expiresAt = row.getOffsetDateTime("expires_at").toInstant();
                    if (!clock.instant().isBefore(expiresAt) || !row.getBoolean("key_active")) {
                        throw new AuthenticationFailedException("invalid stream token");
                    }
                    return new Caller(row.getString("principal"), row.getString("kind"),
                            new TreeSet<>(Arrays.asList(row.getArrayOfStrings("roles"))), row.getString("team_key"),
                            row.getString("display_name"), row.getUUID("api_key_id"),
                            row.getOffsetDateTime("credential_expires_at") == null ? null
                                    : row.getOffsetDateTime("credential_expires_at").toInstant());
                });
    }

    /** Forgets tokens that expired unused (every replica may run it; it only deletes what no one can use). */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return pool.preparedQuery("delete from stream_tokens where expires_at < $1")
                .execute(Tuple.of(utc(clock.instant()))).replaceWithVoid();
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(ApiKeySecrets.hash(token));
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
