package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    private static TargetPolicy resolvingTo(String address, boolean allowPrivate, Set<String> allowlist) {
        return new TargetPolicy(allowPrivate, allowlist, host -> new InetAddress[] {InetAddress.getByName(address)});
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"})
    void refusesNonPublicTargets(String address) {
        assertTrue(resolvingTo(address, false, Set.of()).refusal("https://hooks.example.com/x").isPresent(), address);
    }

    @Test
    void acceptsPublicTargets() {
        assertEquals(Optional.empty(), resolvingTo("93.184.216.34", false, Set.of()).refusal("https://hooks.example.com/x"));
    }

    @Test
    void privateTargetsCanBeAllowedWhollyOrByHost() {
        assertEquals(Optional.empty(), resolvingTo("127.0.0.1", true, Set.of()).refusal("http://localhost:9000/x"));
        assertEquals(Optional.empty(), resolvingTo("10.0.0.5", false, Set.of("crm.internal")).refusal("https://CRM.internal/x"));
        assertTrue(resolvingTo("10.0.0.5", false, Set.of("crm.internal")).refusal("https://other.internal/x").isPresent());
    }

    @Test
    void refusesOtherSchemesAndCredentials() {
        TargetPolicy policy = resolvingTo("93.184.216.34", false, Set.of());
        assertTrue(policy.refusal("ftp://example.com/x").isPresent());
        assertTrue(policy.refusal("https://user:pw@example.com/x").isPresent());
        assertTrue(policy.refusal("not a url").isPresent());
    }
}
