package io.iris.gateway.egress;

import io.iris.gateway.common.IpRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What no provider may ever point at, whatever the operator allows: link-local addresses (where clouds serve
 * instance metadata and credentials), the unspecified address (which reaches the gateway's own host), cloud
 * metadata addresses and names, and multicast and broadcast addresses (never an HTTP server). An IPv6 address
 * that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16})
 * is judged by the IPv4 address too. Stateless.
 */
public final class BuiltInDenyList {
    /** Matched after {@link HostNames#normalize}. */
    static final Set<String> NAMES = Set.of(
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
            "metadata.packet.net", "metadata.platformequinix.com", "metadata.tencentyun.com");

    static final List<IpRange> RANGES = List.of(
            range("0.0.0.0/8"),             // "this network": 0.0.0.0 connects to the local host
            range("169.254.0.0/16"),        // IPv4 link-local: AWS, GCP, Azure, Oracle metadata at .169.254
            range("100.100.100.200/32"),    // Alibaba Cloud metadata
            range("192.0.0.192/32"),        // Oracle Cloud legacy metadata
            range("224.0.0.0/4"),           // multicast
            range("255.255.255.255/32"),    // broadcast
            range("::/128"),                // unspecified
            range("fe80::/10"),             // IPv6 link-local
            range("fd00:ec2::254/128"),     // AWS metadata over IPv6
            range("ff00::/8"));             // IPv6 multicast

    private static final IpRange NAT64 = range("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = range("2002::/16");

    private BuiltInDenyList() {
    }

    private static IpRange range(String cidr) {
        return IpRange.parse(cidr);
    }

    static boolean deniesName(String normalizedHost) {
        return NAMES.contains(normalizedHost);
    }

    /** Whether the address, or an IPv4 address embedded in it, is on the list. */
    static boolean deniesAddress(byte[] address) {
        if (RANGES.stream().anyMatch(r -> r.contains(address))) {
            return true;
        }
        return embeddedIpv4(address).map(v4 -> RANGES.stream().anyMatch(r -> r.contains(v4))).orElse(false);
    }

    /** The IPv4 address an IPv6 address carries in one of the well-known forms, if any. */
    static Optional<byte[]> embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return Optional.empty();
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(new byte[] {address[2], address[3], address[4], address[5]});
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= address[i] == 0;
        }
        boolean mapped = zeroPrefix && address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        // ::a.b.c.d; not :: and ::1, which the compatible form never covered (RFC 4291 2.5.5.1)
        boolean unspecifiedOrLoopback = address[12] == 0 && address[13] == 0 && address[14] == 0
                && (address[15] == 0 || address[15] == 1);
        boolean compatible = zeroPrefix && address[10] == 0 && address[11] == 0 && !unspecifiedOrLoopback;
        if (mapped || compatible || NAT64.contains(address)) {
            return Optional.of(new byte[] {address[12], address[13], address[14], address[15]});
        }
        return Optional.empty();
    }
}
