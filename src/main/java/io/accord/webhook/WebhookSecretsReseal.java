package io.accord.webhook;

import io.accord.common.SecretBox;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seals webhook secrets with the current key: the plain text written before V14, and values sealed with a previous
 * key after a key rotation. Runs at start and then every {@code accord.secrets.reseal-interval}, one replica at a
 * time (a transaction-level advisory lock taken with {@code try}; the others skip the round). Only secrets move:
 * neither {@code version} nor {@code updated_at} changes, so no caller's {@code ETag} goes stale.
 */
@ApplicationScoped
public class WebhookSecretsReseal {

    private static final Logger LOG = Logger.getLogger(WebhookSecretsReseal.class);
    /** Advisory lock key ("WHSK"). */
    static final long LOCK = 0x5748534bL;
    static final int BATCH = 100;

    /** Rows still in plain text or sealed with a previous key; served by {@code webhooks_secrets_key}. */
    public static final String PENDING = "select id, secret, previous_secret from webhooks where secrets_key_id is null "
            + "or secrets_key_id = any($1) order by id limit " + BATCH + " for update skip locked";

    private final Pool pool;
    private final WebhookSecrets secrets;

    public WebhookSecretsReseal(Pool pool, WebhookSecrets secrets) {
        this.pool = pool;
        this.secrets = secrets;
    }

    void atStart(@Observes StartupEvent event) {
        reseal().subscribe().with(n -> {
            if (n > 0) {
                LOG.infof("Sealed the signing secrets of %d webhooks with key %s", n, secrets.currentKeyId());
            }
        }, failure -> LOG.warnf("Could not re-seal webhook secrets at start (retried every hour): %s", failure.getMessage()));
    }

    @Scheduled(every = "${accord.secrets.reseal-interval}", delayed = "${accord.secrets.reseal-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reseal().replaceWithVoid();
    }

    /** Seals everything that needs it, batch after batch; answers how many webhooks were sealed anew. */
    public Uni<Integer> reseal() {
        return pool.withTransaction(this::batch).chain(n -> n == BATCH ? reseal().map(m -> m + n) : Uni.createFrom().item(n));
    }

    private Uni<Integer> batch(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_xact_lock($1) as locked").execute(Tuple.of(LOCK))
                .chain(locked -> {
                    if (!locked.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().item(0);
                    }
                    return conn.preparedQuery(PENDING)
                            .execute(Tuple.of(secrets.previousKeyIds().toArray(String[]::new)))
                            .chain(rows -> {
                                List<Tuple> updates = new ArrayList<>();
                                for (Row row : rows) {
                                    UUID id = row.getUUID("id");
                                    try {
                                        updates.add(Tuple.from(Arrays.asList(id,
                                                secrets.seal(id, secrets.open(id, row.getString("secret"))),
                                                secrets.seal(id, secrets.open(id, row.getString("previous_secret"))),
                                                secrets.currentKeyId())));
                                    } catch (SecretBox.OpenFailure e) {
                                        LOG.warnf("Webhook %s: its secret cannot be decrypted (%s); left as it is", id,
                                                e.getMessage());
                                    }
                                }
                                if (updates.isEmpty()) {
                                    return Uni.createFrom().item(0);
                                }
                                return conn.preparedQuery("update webhooks set secret = $2, previous_secret = $3, "
                                                + "secrets_key_id = $4 where id = $1").executeBatch(updates)
                                        .replaceWith(updates.size());
                            });
                });
    }
}
