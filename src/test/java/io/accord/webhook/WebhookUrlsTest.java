package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://hooks.slack.com/services/T000/B000/XXXXSECRET, https://hooks.slack.com/…",
        "https://hooks.example.com/accord?token=s3cr3t#frag, https://hooks.example.com/…",
        "https://user:pw@hooks.example.com:8443/x, https://hooks.example.com:8443/…",
        "HTTP://Hooks.Example.com, http://hooks.example.com/",
        "https://hooks.example.com/, https://hooks.example.com/",
        "https://hooks.example.com?token=s3cr3t, https://hooks.example.com/…",
        "http://[::1]:9000/p, http://[::1]:9000/…"})
    void keepsSchemeHostAndPortOnly(String url, String prefix) {
        String redacted = WebhookUrls.redact(url);
        assertTrue(redacted.startsWith(prefix + " (ref "), redacted);
        for (String secret : new String[] {"XXXXSECRET", "s3cr3t", "token", "pw", "frag", "services"}) {
            assertFalse(redacted.contains(secret), redacted);
        }
    }

    @Test
    void differentUrlsOnOneHostCanBeToldApart() {
        String a = WebhookUrls.redact("https://hooks.slack.com/services/T/B/one");
        String b = WebhookUrls.redact("https://hooks.slack.com/services/T/B/two");
        assertNotEquals(a, b);
        assertEquals(a, WebhookUrls.redact("https://hooks.slack.com/services/T/B/one"));
    }

    @Test
    void somethingThatIsNotAUrlIsNotRepeated() {
        String redacted = WebhookUrls.redact("not a url with a secret");
        assertTrue(redacted.startsWith("(not a URL) (ref "), redacted);
        assertTrue(WebhookUrls.redact(null).startsWith("(not a URL)"));
    }
}
