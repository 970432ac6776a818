package io.accord.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code Idempotency-Key} for creating POSTs. Keys are stored per principal with a fingerprint of the request and
 * the response. The claim and the operation share one transaction: a concurrent duplicate waits on the unique key,
 * then replays the committed response; a failed operation rolls its claim back, so a retry runs it again. The same
 * key with a different request is a 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final ObjectMapper json;
    private final Clock clock;
    private final AccordConfig config;

    public Idempotency(ObjectMapper json, Clock clock, AccordConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Runs {@code action} once per (principal, key). Without a key the action simply runs. The action's response
     * entity is stored as JSON; its {@code Location} and {@code ETag} headers are kept for replays.
     */
    @WithTransaction
    public Uni<Response> once(String principal, String key, String method, String path, Object request,
            Supplier<Uni<Response>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badParameter(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(method, path, request);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into idempotency_keys (principal, idem_key, fingerprint, created_at) "
                        + "values (:p, :k, :f, :at) on conflict do nothing")
                .setParameter("p", principal).setParameter("k", key).setParameter("f", fingerprint)
                .setParameter("at", clock.instant())
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? action.get().call(response -> remember(session, principal, key, response))
                        : replay(session, principal, key, fingerprint)));
    }

    private Uni<Void> remember(Mutiny.Session session, String principal, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return session.createNativeQuery("update idempotency_keys set status = :s, body = :b, location = :l, etag = :e "
                        + "where principal = :p and idem_key = :k")
                .setParameter("s", response.getStatus()).setParameter("b", body)
                .setParameter("l", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("e", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("p", principal).setParameter("k", key)
                .executeUpdate().replaceWithVoid();
    }

    private Uni<Response> replay(Mutiny.Session session, String principal, String key, String fingerprint) {
        return session.createNativeQuery("select fingerprint, status, body, location, etag from idempotency_keys "
                        + "where principal = :p and idem_key = :k", Object[].class)
                .setParameter("p", principal).setParameter("k", key)
                .getSingleResult()
                .map(row -> {
                    if (!fingerprint.equals(row[0])) {
                        throw new ProblemException(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                                "Idempotency-Key '" + key + "' was first used with a different request");
                    }
                    Response.ResponseBuilder builder = Response.status((Integer) row[1])
                            .header(REPLAYED_HEADER, "true");
                    if (row[2] != null) {
                        builder.entity(((String) row[2]).getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
                    }
                    if (row[3] != null) {
                        builder.header(HttpHeaders.LOCATION, row[3]);
                    }
                    if (row[4] != null) {
                        builder.header(HttpHeaders.ETAG, row[4]);
                    }
                    return builder.build();
                });
    }

    private String fingerprint(String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets keys older than the retention period. Runs on every replica; the delete is idempotent. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purge() {
        Instant cutoff = clock.instant().minus(config.idempotency().retention());
        return Panache.getSession().chain(s -> s
                .createNativeQuery("delete from idempotency_keys where created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate()).replaceWithVoid();
    }

}
