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
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1",
        // issue 14: NAT64, 6to4, IPv4-compatible IPv6 and 192.0.0.0/24
        "64:ff9b::7f00:1", "2002:7f00:1::", "::127.0.0.1", "192.0.0.1",
        "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "64:ff9b:1::7f00:1", "64:ff9b:1:abcd::1", "2002:a00:1::1",
        "2002:c0a8:101::", "2002:a9fe:a9fe::1", "::10.0.0.1", "::93.184.216.34", "::ffff:127.0.0.1",
        "::ffff:192.0.0.8", "2001:0:4136:e378:8000:63bf:80ff:fffe", "192.0.0.170", "192.0.2.1", "fec0::1",
        "2001:db8::1"})
    void refusesNonPublicTargets(String address) {
        assertTrue(resolvingTo(address, false, Set.of()).refusal("https://hooks.example.com/x").isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::5db8:d822",
        "2002:5db8:d822::1", "::ffff:93.184.216.34", "192.0.1.1", "172.32.0.1"})
    void acceptsPublicTargets(String address) {
        assertEquals(Optional.empty(), resolvingTo(address, false, Set.of()).refusal("https://hooks.example.com/x"),
                address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[64:ff9b::7f00:1]/x", "https://[2002:7f00:1::]/x", "https://[::127.0.0.1]/x",
        "https://192.0.0.1/x"})
    void refusesTheIssuesLiteralUrls(String url) {
        TargetPolicy policy = new TargetPolicy(false, Set.of(), InetAddress::getAllByName);
        assertTrue(policy.refusal(url).isPresent(), url);
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
