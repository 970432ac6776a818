package io.accord.security;

import io.accord.audit.AuditLog;
import io.accord.common.Cursor;
import io.accord.common.ETags;
import io.accord.common.Page;
import io.accord.common.PageRequest;
import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.common.Versioned;
import io.accord.team.TeamService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Issues, lists, changes and revokes API keys. Every write is audited in its own transaction. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository repository;
    private final TeamService teams;
    private final AuditLog audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository repository, TeamService teams, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ApiKeyView> create(ApiKeyRequest request, String actor) {
        return ensureNameFree(request.name(), null).chain(() -> ensureTeamExists(request.teamKey())).chain(() -> {
            String secret = ApiKeySecrets.newKey();
            ApiKey key = new ApiKey();
            key.id = UUID.randomUUID();
            key.name = request.name().trim();
            key.roles = request.roles().stream().distinct().toArray(String[]::new);
            key.teamKey = request.teamKey();
            key.keyHash = HexFormat.of().formatHex(ApiKeySecrets.hash(secret));
            key.keyHint = ApiKeySecrets.hint(secret);
            key.createdAt = now();
            key.createdBy = actor;
            return repository.persist(key)
                    .call(k -> audit.record(actor, "api_key.created", "api_key", k.id,
                            "Created API key '" + k.name + "' with roles " + String.join(", ", k.roles)))
                    .map(k -> ApiKeyView.of(k, secret));
        });
    }

    @WithSession
    public Uni<Page<ApiKeyView>> list(Boolean revoked, PageRequest page) {
        return repository.page(revoked, page)
                .map(rows -> Page.of(rows, page, k -> new Cursor(k.createdAt, k.id), k -> ApiKeyView.of(k, null)));
    }

    @WithSession
    public Uni<Versioned<ApiKeyView>> get(UUID id) {
        return find(id).map(k -> new Versioned<>(ApiKeyView.of(k, null), k.version));
    }

    @WithTransaction
    public Uni<Versioned<ApiKeyView>> update(UUID id, ApiKeyRequest request, String ifMatch, String actor) {
        return find(id).chain(key -> {
            ETags.require(ifMatch, key.version);
            if (key.revokedAt != null) {
                throw new ProblemException(ProblemKind.CONFLICT, "API key " + id + " is revoked and cannot change");
            }
            return ensureNameFree(request.name(), id).chain(() -> ensureTeamExists(request.teamKey())).chain(() -> {
                key.name = request.name().trim();
                key.roles = request.roles().stream().distinct().toArray(String[]::new);
                key.teamKey = request.teamKey();
                return repository.flush()
                        .call(() -> audit.record(actor, "api_key.updated", "api_key", id,
                                "Changed API key '" + key.name + "' to roles " + String.join(", ", key.roles)))
                        .map(v -> new Versioned<>(ApiKeyView.of(key, null), key.version));
            });
        });
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    @WithTransaction
    public Uni<Void> revoke(UUID id, String actor) {
        return find(id).chain(key -> {
            if (key.revokedAt != null) {
                return Uni.createFrom().voidItem();
            }
            key.revokedAt = now();
            key.revokedBy = actor;
            return audit.record(actor, "api_key.revoked", "api_key", id, "Revoked API key '" + key.name + "'");
        });
    }

    private Uni<ApiKey> find(UUID id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("API key", id));
    }

    private Uni<Void> ensureNameFree(String name, UUID except) {
        return repository.activeNameTaken(name.trim(), except).map(taken -> {
            if (taken) {
                throw new ProblemException(ProblemKind.DUPLICATE, "An active API key named '" + name.trim() + "' exists");
            }
            return null;
        });
    }

    /** A key's team must exist (422 naming {@code teamKey}): it limits the key's writes to that team's leads. */
    private Uni<Void> ensureTeamExists(String teamKey) {
        if (teamKey == null) {
            return Uni.createFrom().voidItem();
        }
        return teams.existingKeys(List.of(teamKey)).map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.validation("teamKey", "team '" + teamKey + "' does not exist");
            }
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
