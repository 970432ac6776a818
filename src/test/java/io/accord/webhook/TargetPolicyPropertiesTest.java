package io.accord.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any IPv6 form that carries a non-public IPv4 address is itself refused. */
class TargetPolicyPropertiesTest {

    @Property(tries = 2000)
    void anIpv6ThatEmbedsANonPublicIpv4IsRefused(@ForAll("nonPublicV4") byte[] v4, @ForAll("embedding") int form,
            @ForAll byte[] filler) throws UnknownHostException {
        byte[] v6 = new byte[16];
        for (int i = 0; i < 16; i++) {
            v6[i] = filler.length == 0 ? 0 : filler[i % filler.length];
        }
        switch (form) {
            case 0 -> { // IPv4-compatible ::a.b.c.d
                java.util.Arrays.fill(v6, 0, 12, (byte) 0);
                System.arraycopy(v4, 0, v6, 12, 4);
            }
            case 1 -> { // IPv4-mapped ::ffff:a.b.c.d
                java.util.Arrays.fill(v6, 0, 10, (byte) 0);
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(v4, 0, v6, 12, 4);
            }
            case 2 -> { // NAT64 64:ff9b::a.b.c.d
                java.util.Arrays.fill(v6, 0, 12, (byte) 0);
                v6[1] = 0x64;
                v6[2] = (byte) 0xff;
                v6[3] = (byte) 0x9b;
                System.arraycopy(v4, 0, v6, 12, 4);
            }
            case 3 -> { // 6to4 2002:a.b.c.d::/48 with any subnet and interface id
                v6[0] = 0x20;
                v6[1] = 0x02;
                System.arraycopy(v4, 0, v6, 2, 4);
            }
            default -> { // Teredo 2001::/32 with the client address inverted
                v6[0] = 0x20;
                v6[1] = 0x01;
                v6[2] = 0;
                v6[3] = 0;
                for (int i = 0; i < 4; i++) {
                    v6[12 + i] = (byte) ~v4[i];
                }
            }
        }
        InetAddress address = InetAddress.getByAddress(v6);
        assertFalse(TargetPolicy.isPublic(address), address.getHostAddress());
    }

    @Provide
    Arbitrary<Integer> embedding() {
        return Arbitraries.integers().between(0, 4);
    }

    @Provide
    Arbitrary<byte[]> nonPublicV4() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 255);
        return Arbitraries.oneOf(
                Combinators.combine(any, any, any).as((x, y, z) -> bytes(127, x, y, z)),
                Combinators.combine(any, any, any).as((x, y, z) -> bytes(10, x, y, z)),
                Combinators.combine(Arbitraries.integers().between(16, 31), any, any).as((x, y, z) -> bytes(172, x, y, z)),
                Combinators.combine(any, any).as((y, z) -> bytes(192, 168, y, z)),
                Combinators.combine(any, any).as((y, z) -> bytes(169, 254, y, z)),
                Combinators.combine(Arbitraries.integers().between(64, 127), any, any).as((x, y, z) -> bytes(100, x, y, z)),
                any.map(z -> bytes(192, 0, 0, z)),
                Combinators.combine(any, any, any).as((x, y, z) -> bytes(0, x, y, z)));
    }

    private static byte[] bytes(int a, int b, int c, int d) {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }
}
