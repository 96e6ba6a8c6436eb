package io.iris.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals as they arrive in a socket address or an {@code X-Forwarded-For} hop. Parsing never asks
 * DNS: text that is not a literal is refused, never resolved. Stateless.
 */
final class IpAddress {
    private IpAddress() {
    }

    /** The address's 4 or 16 bytes (an IPv4-mapped IPv6 address gives 4), or empty when {@code text} is no literal. */
    static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return Optional.ofNullable(ipv4(text));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Hex digits, colons and the dots of an embedded IPv4 tail only: no zone id, no host name.
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return Optional.empty();
            }
        }
        try {
            // In brackets the JDK parses an IPv6 literal or fails; it never falls back to a name lookup.
            return Optional.of(InetAddress.getByName("[" + text + "]").getAddress());
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    /** Dotted-quad only: four decimal parts 0-255 without leading zeros (no octal, hex or short forms). */
    private static byte[] ipv4(String text) {
        byte[] address = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '.' : text.charAt(i);
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                address[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (value == 0 || ++digits > 3) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? address : null;
    }

    /** The text form used in logs and as the throttle's key: dotted IPv4, or the JDK's full IPv6 form. */
    static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + address.length);
        }
    }

    /** Whether the first {@code prefixBits} bits of both addresses agree (both of the same family). */
    static boolean samePrefix(byte[] a, byte[] b, int prefixBits) {
        if (a.length != b.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[whole] & mask) == (b[whole] & mask);
    }

    /**
     * What failures are counted under: an IPv4 address itself, an IPv6 address's /64 network (one host usually
     * holds a whole /64, so counting single IPv6 addresses would let it rotate through billions of them).
     */
    static String throttleKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        Optional<byte[]> parsed = parse(address);
        if (parsed.isEmpty() || parsed.get().length == 4) {
            return parsed.map(IpAddress::format).orElse(address);
        }
        byte[] network = parsed.get();
        for (int i = 8; i < network.length; i++) {
            network[i] = 0;
        }
        return format(network) + "/64";
    }
}
