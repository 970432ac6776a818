package io.accord.webhook;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.common.SecretBox;
import io.accord.common.Secrets;
import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Webhook signing secrets are stored as AES-256-GCM ciphertext, never as {@code whsec_} text. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    Pool pool;

    @Inject
    Secrets secrets;

    @Inject
    WebhookSecretsReseal reseal;

    @ConfigProperty(name = "accord.secrets.previous-keys")
    List<String> previousKeys;

    private Row stored(String key) {
        return pool.preparedQuery("select id, secret, previous_secret, secrets_key_id from webhooks where key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next();
    }

    private long plaintextAnywhere() {
        return pool.query("select (select count(*) from webhooks where secret like '%whsec_%' "
                        + "or previous_secret like '%whsec_%') + (select count(*) from idempotency_keys "
                        + "where body like '%whsec_%') + (select count(*) from audit_events where summary like '%whsec_%') as n")
                .execute().await().indefinitely().iterator().next().getLong("n");
    }

    @Test
    void theDatabaseHoldsNoPlaintextSecretAfterCreateAndRotate() {
        String key = Api.slug("sealed");
        String integrator = Api.newKey("integrator");
        String secret = as(integrator).header("Idempotency-Key", "create-" + key)
                .body(Map.of("key", key, "url", "http://127.0.0.1:9/s")).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("secret");
        Row row = stored(key);
        UUID id = row.getUUID("id");
        assertTrue(row.getString("secret").startsWith("v1." + secrets.box().currentKeyId() + "."), row.getString("secret"));
        assertFalse(row.getString("secret").contains(secret.substring(6)));
        assertEquals(secrets.box().currentKeyId(), row.getString("secrets_key_id"));
        assertEquals(secret, secrets.box().open(row.getString("secret"), "webhooks:" + id));
        assertNull(row.getString("previous_secret"));

        String rotated = as(integrator).post("/api/v1/webhooks/" + key + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        row = stored(key);
        assertTrue(SecretBox.isSealed(row.getString("secret")) && SecretBox.isSealed(row.getString("previous_secret")));
        assertEquals(rotated, secrets.box().open(row.getString("secret"), "webhooks:" + id));
        assertEquals(secret, secrets.box().open(row.getString("previous_secret"), "webhooks:" + id));
        assertEquals(0, plaintextAnywhere());

        // the replay of the create still hands out the first secret, read back from its encrypted copy
        as(integrator).header("Idempotency-Key", "create-" + key)
                .body(Map.of("key", key, "url", "http://127.0.0.1:9/s")).post("/api/v1/webhooks").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("secret", org.hamcrest.Matchers.equalTo(secret));
    }

    @Test
    void plaintextFromBeforeV14AndValuesOfAPreviousKeyAreResealedWithTheCurrentKey() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID legacy = UUID.randomUUID();
        UUID rotatedKey = UUID.randomUUID();
        SecretBox previous = SecretBox.fromBase64(previousKeys.get(0), List.of());
        String legacyKey = Api.slug("legacy");
        String oldKey = Api.slug("oldkey");
        insert(legacy, legacyKey, "whsec_bGVnYWN5LXNlY3JldC1sZWdhY3ktc2VjcmV0", "whsec_cHJldmlvdXMtbGVnYWN5", null, now);
        insert(rotatedKey, oldKey, previous.seal("whsec_b2xkLWtleS1zZWNyZXQ=", "webhooks:" + rotatedKey), null,
                previous.currentKeyId(), now);
        // readable before the reseal ...
        admin().post("/api/v1/webhooks/" + legacyKey + "/ping").then().statusCode(200);

        assertTrue(reseal.reseal().await().indefinitely() >= 2);

        Row a = stored(legacyKey);
        assertEquals(secrets.box().currentKeyId(), a.getString("secrets_key_id"));
        assertTrue(secrets.box().isCurrent(a.getString("secret")) && secrets.box().isCurrent(a.getString("previous_secret")));
        assertEquals("whsec_bGVnYWN5LXNlY3JldC1sZWdhY3ktc2VjcmV0", secrets.box().open(a.getString("secret"), "webhooks:" + legacy));
        assertEquals("whsec_cHJldmlvdXMtbGVnYWN5", secrets.box().open(a.getString("previous_secret"), "webhooks:" + legacy));
        Row b = stored(oldKey);
        assertEquals(secrets.box().currentKeyId(), b.getString("secrets_key_id"));
        assertEquals("whsec_b2xkLWtleS1zZWNyZXQ=", secrets.box().open(b.getString("secret"), "webhooks:" + rotatedKey));
        assertNull(b.getString("previous_secret"));
        assertEquals(0, plaintextAnywhere());
        assertEquals(0, reseal.reseal().await().indefinitely(), "nothing left to do");
    }

    @Test
    void aSecretUnderALostKeyIsReportedAndRotatingReplacesIt() {
        UUID id = UUID.randomUUID();
        String key = Api.slug("lost");
        SecretBox lost = SecretBox.fromBase64(SecretBox.generateKey(), List.of());
        insert(id, key, lost.seal("whsec_bG9zdA==", "webhooks:" + id), null, lost.currentKeyId(),
                OffsetDateTime.now(ZoneOffset.UTC));
        admin().post("/api/v1/webhooks/" + key + "/ping").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(false))
                .body("error", org.hamcrest.Matchers.containsString("cannot decrypt"));
        String fresh = admin().post("/api/v1/webhooks/" + key + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        Row row = stored(key);
        assertEquals(fresh, secrets.box().open(row.getString("secret"), "webhooks:" + id));
        assertNull(row.getString("previous_secret"), "the unreadable secret does not linger");
    }

    private void insert(UUID id, String key, String secret, String previousSecret, String keyId, OffsetDateTime now) {
        pool.preparedQuery("insert into webhooks (id, key, url, secret, previous_secret, previous_secret_until, "
                        + "secrets_key_id, owner, created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, "
                        + "'bootstrap-admin', $8, 'test', $8)")
                .execute(Tuple.from(Arrays.asList(id, key, "http://127.0.0.1:9/legacy", secret, previousSecret,
                        previousSecret == null ? null : now.plusHours(1), keyId, now)))
                .await().indefinitely();
    }
}
