package io.accord.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook targets may be called: http(s) URLs whose host resolves only to public addresses, unless private
 * targets are allowed or the host is on the allowlist. Checked when a webhook is saved and again before every
 * delivery (against DNS rebinding). Refuses loopback, link-local (cloud metadata), private, carrier-grade NAT,
 * unique-local, multicast, unspecified, IETF-reserved and documentation addresses, and IPv6 addresses that embed a
 * refused IPv4 address (IPv4-mapped and -compatible, NAT64, 6to4, Teredo).
 */
public final class TargetPolicy {

    /** Resolves a host name; tests substitute their own. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public TargetPolicy(boolean allowPrivate, Set<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.resolver = resolver;
    }

    /** Why {@code url} may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not contain credentials");
        }
        String normalized = host.toLowerCase(Locale.ROOT);
        if (allowPrivate || allowedHosts.contains(normalized)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a non-public address (" + address.getHostAddress()
                        + "); private targets are disabled (accord.webhooks.allow-private-targets)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        return a instanceof Inet4Address ? isPublicV4(b) : isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0 || first == 10 || first == 127 || first >= 224) {
            return false;                       // "this network", private, loopback, multicast, reserved, broadcast
        }
        if ((first == 169 && second == 254) || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return false;                       // link-local, private (checked here too: embedded addresses come raw)
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return false;                       // carrier-grade NAT 100.64.0.0/10
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return false;                       // benchmarking 198.18.0.0/15
        }
        if (first == 192 && second == 0 && (third == 0 || third == 2)) {
            return false;                       // IETF protocol assignments 192.0.0.0/24, documentation 192.0.2.0/24
        }
        if ((first == 198 && second == 51 && third == 100) || (first == 203 && second == 0 && third == 113)) {
            return false;                       // documentation 198.51.100.0/24, 203.0.113.0/24
        }
        return true;
    }

    /**
     * IPv6, including the forms that carry an IPv4 address a gateway may route to: IPv4-mapped and IPv4-compatible
     * ({@code ::a.b.c.d}, deprecated, refused whole), NAT64 ({@code 64:ff9b::/96} well-known, {@code 64:ff9b:1::/48}
     * local-use, refused whole), 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}, server and client).
     */
    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false;                       // unique local fc00::/7
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x40) {
            return false;                       // site-local fec0::/10 (deprecated)
        }
        if (zero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(slice(b, 12));    // IPv4-mapped ::ffff:a.b.c.d
            }
            if (zero(b, 10, 12)) {
                return false;                   // IPv4-compatible ::a.b.c.d (deprecated), ::, ::1
            }
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (zero(b, 4, 12)) {
                return isPublicV4(slice(b, 12));    // NAT64 well-known prefix 64:ff9b::/96
            }
            return !(b[4] == 0 && b[5] == 1);   // 64:ff9b:1::/48 is for local use only; other 64:ff9b::/32 is unassigned
        }
        if (first == 0x20 && b[1] == 0x02) {
            return isPublicV4(slice(b, 2));     // 6to4 2002:a.b.c.d::/48
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            byte[] client = slice(b, 12);       // Teredo 2001::/32: server at 4..7, client at 12..15 inverted
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return isPublicV4(slice(b, 4)) && isPublicV4(client);
        }
        if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false;                       // documentation 2001:db8::/32
        }
        if (first == 0x01 && zero(b, 1, 8)) {
            return false;                       // discard-only 100::/64
        }
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
