package io.accord.webhook;

import static io.accord.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the production default (no private targets), loopback, metadata and private URLs are refused. */
@QuarkusTest
@TestProfile(WebhookTargetRefusalTest.ProductionTargets.class)
class WebhookTargetRefusalTest {

    public static class ProductionTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.webhooks.allow-private-targets", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.7/hook", "http://[::1]/hook", "ftp://example.com/hook"})
    void refusesTargetsThatAreNotPublic(String url) {
        admin().body(Map.of("key", Api.slug("ssrf"), "url", url)).post("/api/v1/webhooks").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors[0].field", equalTo("url"));
    }
}
