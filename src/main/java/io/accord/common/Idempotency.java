package io.accord.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code Idempotency-Key} for creating POSTs. Keys are stored per principal with a fingerprint of the request and
 * the response. The claim and the operation share one transaction: a concurrent duplicate waits on the unique key,
 * then replays the committed response; a failed operation rolls its claim back, so a retry runs it again. The same
 * key with a different request is a 422.
 *
 * <p>Features on Hibernate use {@link #once(String, String, String, String, Object, Supplier)} (the claim joins the
 * session's transaction); features on the reactive SQL client use
 * {@link #once(Pool, String, String, String, String, Object, Sensitivity, Function)}, which opens the transaction and
 * hands its connection to the operation. A response that carries a secret ({@link Sensitivity#SECRET}) is stored
 * encrypted with the installation's secrets key, never in clear.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    /** Whether the stored response must be encrypted at rest. */
    public enum Sensitivity { PLAIN, SECRET }

    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotencySettings config;
    private final Secrets secrets;

    public Idempotency(ObjectMapper json, Clock clock, IdempotencySettings config, Secrets secrets) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.secrets = secrets;
    }

    /**
     * Runs {@code action} once per (principal, key) in the current Hibernate transaction. Without a key the action
     * simply runs. The action's response entity is stored as JSON; its {@code Location} and {@code ETag} headers are
     * kept for replays.
     */
    @WithTransaction
    public Uni<Response> once(String principal, String key, String method, String path, Object request,
            Supplier<Uni<Response>> action) {
        return once(principal, key, method, path, request, Sensitivity.PLAIN, action);
    }

    /** The same, for a response that may carry a secret. */
    @WithTransaction
    public Uni<Response> once(String principal, String key, String method, String path, Object request,
            Sensitivity sensitivity, Supplier<Uni<Response>> action) {
        if (key == null) {
            return action.get();
        }
        String fingerprint = fingerprint(checked(key), method, path, request);
        return Panache.getSession().chain(session ->
                run(new SessionStore(session), principal, key, fingerprint, sensitivity, action));
    }

    /**
     * Runs {@code action} once per (principal, key) in a transaction of {@code pool}, which it receives: the claim,
     * the operation and the stored response commit or roll back together. Without a key the action simply runs, in
     * its own transaction.
     */
    public Uni<Response> once(Pool pool, String principal, String key, String method, String path, Object request,
            Sensitivity sensitivity, Function<SqlConnection, Uni<Response>> action) {
        if (key == null) {
            return pool.withTransaction(action);
        }
        String fingerprint = fingerprint(checked(key), method, path, request);
        return pool.withTransaction(conn -> run(new SqlStore(conn), principal, key, fingerprint, sensitivity,
                () -> action.apply(conn)));
    }

    private Uni<Response> run(Store store, String principal, String key, String fingerprint, Sensitivity sensitivity,
            Supplier<Uni<Response>> action) {
        return store.claim(principal, key, fingerprint, clock.instant())
                .chain(claimed -> claimed
                        ? action.get().call(response -> store.remember(principal, key, response.getStatus(),
                                body(response, principal, key, sensitivity),
                                response.getLocation() == null ? null : response.getLocation().toString(),
                                response.getHeaderString(HttpHeaders.ETAG)))
                        : store.load(principal, key).map(stored -> replay(stored, principal, key, fingerprint)));
    }

    private String body(Response response, String principal, String key, Sensitivity sensitivity) {
        if (response.getEntity() == null) {
            return null;
        }
        String body;
        try {
            body = json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return sensitivity == Sensitivity.SECRET ? secrets.box().seal(body, context(principal, key)) : body;
    }

    private Response replay(Stored stored, String principal, String key, String fingerprint) {
        if (!fingerprint.equals(stored.fingerprint())) {
            throw new ProblemException(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key + "' was first used with a different request");
        }
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            String body = SecretBox.isSealed(stored.body())
                    ? secrets.box().open(stored.body(), context(principal, key)) : stored.body();
            builder.entity(body.getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.header(HttpHeaders.ETAG, stored.etag());
        }
        return builder.build();
    }

    private static String checked(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badParameter(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    private static String context(String principal, String key) {
        return "idempotency_keys:" + principal + ":" + key;
    }

    private String fingerprint(String key, String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored first response. */
    private record Stored(String fingerprint, int status, String body, String location, String etag) {
    }

    /** The three statements, on whichever transaction the operation runs in. */
    private interface Store {
        /** True when this call claimed the key; false when it was claimed before (the claim waits for its commit). */
        Uni<Boolean> claim(String principal, String key, String fingerprint, Instant at);

        Uni<Void> remember(String principal, String key, int status, String body, String location, String etag);

        Uni<Stored> load(String principal, String key);
    }

    private record SessionStore(Mutiny.Session session) implements Store {
        @Override
        public Uni<Boolean> claim(String principal, String key, String fingerprint, Instant at) {
            return session.createNativeQuery("insert into idempotency_keys (principal, idem_key, fingerprint, created_at) "
                            + "values (:p, :k, :f, :at) on conflict do nothing")
                    .setParameter("p", principal).setParameter("k", key).setParameter("f", fingerprint)
                    .setParameter("at", at)
                    .executeUpdate().map(inserted -> inserted == 1);
        }

        @Override
        public Uni<Void> remember(String principal, String key, int status, String body, String location, String etag) {
            return session.createNativeQuery("update idempotency_keys set status = :s, body = :b, location = :l, etag = :e "
                            + "where principal = :p and idem_key = :k")
                    .setParameter("s", status).setParameter("b", body).setParameter("l", location)
                    .setParameter("e", etag).setParameter("p", principal).setParameter("k", key)
                    .executeUpdate().replaceWithVoid();
        }

        @Override
        public Uni<Stored> load(String principal, String key) {
            return session.createNativeQuery("select fingerprint, status, body, location, etag from idempotency_keys "
                            + "where principal = :p and idem_key = :k", Object[].class)
                    .setParameter("p", principal).setParameter("k", key)
                    .getSingleResult()
                    .map(row -> new Stored((String) row[0], (Integer) row[1], (String) row[2], (String) row[3],
                            (String) row[4]));
        }
    }

    private record SqlStore(SqlConnection conn) implements Store {
        @Override
        public Uni<Boolean> claim(String principal, String key, String fingerprint, Instant at) {
            return conn.preparedQuery("insert into idempotency_keys (principal, idem_key, fingerprint, created_at) "
                            + "values ($1, $2, $3, $4) on conflict do nothing")
                    .execute(Tuple.of(principal, key, fingerprint, at.atOffset(ZoneOffset.UTC)))
                    .map(rows -> rows.rowCount() == 1);
        }

        @Override
        public Uni<Void> remember(String principal, String key, int status, String body, String location, String etag) {
            return conn.preparedQuery("update idempotency_keys set status = $3, body = $4, location = $5, etag = $6 "
                            + "where principal = $1 and idem_key = $2")
                    .execute(Tuple.from(Arrays.asList(principal, key, status, body, location, etag)))
                    .replaceWithVoid();
        }

        @Override
        public Uni<Stored> load(String principal, String key) {
            return conn.preparedQuery("select fingerprint, status, body, location, etag from idempotency_keys "
                            + "where principal = $1 and idem_key = $2").execute(Tuple.of(principal, key))
                    .map(SqlStore::stored);
        }

        private static Stored stored(RowSet<Row> rows) {
            Row r = rows.iterator().next();
            return new Stored(r.getString("fingerprint"), r.getInteger("status"), r.getString("body"),
                    r.getString("location"), r.getString("etag"));
        }
    }

    /** Forgets keys older than the retention period. Runs on every replica; the delete is idempotent. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        return Panache.getSession().chain(s -> s
                .createNativeQuery("delete from idempotency_keys where created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate()).replaceWithVoid();
    }

}
