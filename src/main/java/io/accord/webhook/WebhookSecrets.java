package io.accord.webhook;

import io.accord.common.SecretBox;
import io.accord.common.Secrets;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhook signing secrets as stored: sealed with the installation's {@link SecretBox}, bound to the webhook's id (a
 * sealed secret copied to another row does not open). Values written before V14 are plain {@code whsec_} text until
 * {@link WebhookSecretsReseal} seals them; they are still read meanwhile.
 */
@ApplicationScoped
public class WebhookSecrets {

    private final Secrets secrets;

    public WebhookSecrets(Secrets secrets) {
        this.secrets = secrets;
    }

    String seal(UUID webhookId, String secret) {
        return secret == null ? null : secrets.box().seal(secret, context(webhookId));
    }

    /** The plain secret; {@link SecretBox.OpenFailure} when it cannot be decrypted with the configured keys. */
    String open(UUID webhookId, String stored) {
        if (stored == null || !SecretBox.isSealed(stored)) {
            return stored;
        }
        return secrets.box().open(stored, context(webhookId));
    }

    String currentKeyId() {
        return secrets.box().currentKeyId();
    }

    List<String> previousKeyIds() {
        return secrets.box().previousKeyIds();
    }

    /**
     * The secrets that sign now: the current one, and the previous one during its overlap. Reads columns
     * {@code secret, previous_secret, previous_secret_until} of webhook {@code webhookId}.
     */
    List<String> signing(UUID webhookId, Row row, Instant now) {
        List<String> signing = new ArrayList<>(List.of(open(webhookId, row.getString("secret"))));
        OffsetDateTime until = row.getOffsetDateTime("previous_secret_until");
        if (row.getString("previous_secret") != null && until != null && until.toInstant().isAfter(now)) {
            signing.add(open(webhookId, row.getString("previous_secret")));
        }
        return signing;
    }

    private static String context(UUID webhookId) {
        return "webhooks:" + webhookId;
    }
}
