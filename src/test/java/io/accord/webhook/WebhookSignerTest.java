package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The example from the Standard Webhooks specification. */
    @Test
    void matchesTheSpecificationsExample() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330L;
        String body = "{\"test\": 2432232314}";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSigner.sign(secret, id, timestamp, body));
    }

    @Test
    void newSecretsAre32RandomBytesWithThePrefix() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, WebhookSigner.decode(secret).length);
    }

    @Test
    void rotationSignsWithEverySecret() {
        String header = WebhookSigner.signAll(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", WebhookSigner.newSecret()),
                "msg_1", 1, "{}");
        assertEquals(2, header.split(" ").length);
    }

    @Property(tries = 300)
    void agreesWithAnIndependentHmac(@ForAll @StringLength(max = 200) String body, @ForAll long timestamp) throws Exception {
        String secret = WebhookSigner.newSecret();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("id." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, WebhookSigner.sign(secret, "id", timestamp, body));
    }
}
