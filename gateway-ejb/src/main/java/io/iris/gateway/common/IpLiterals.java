package io.iris.gateway.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP address literals without ever asking DNS. IPv4 only in its canonical form (four decimal numbers of
 * 0 to 255 without leading zeros): resolvers also read {@code 2852039166}, {@code 0251.0376.0251.0376} or
 * {@code 0xa9fea9fe} as 169.254.169.254, so a host that a resolver would read as a number but that is not
 * canonical is refused rather than guessed at (see {@link #looksNumeric}). Stateless.
 */
public final class IpLiterals {
    private IpLiterals() {
    }

    /** The four bytes of a canonical dotted-quad IPv4 address. */
    public static Optional<byte[]> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            address[i] = (byte) value;
        }
        return Optional.of(address);
    }

    /**
     * The 16 bytes of an IPv6 literal, with or without brackets; empty for anything else, a zone index
     * ({@code %eth0}) included. An IPv4-mapped literal ({@code ::ffff:a.b.c.d}) comes back as its 4 bytes.
     */
    public static Optional<byte[]> ipv6(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.indexOf(':') < 0 || bare.length() > 45
                || !bare.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        try {
            // A string of hex digits, colons and dots is parsed as an IPv6 literal: the JDK asks no resolver.
            return Optional.of(InetAddress.getByName(bare).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Either kind of literal. */
    public static Optional<byte[]> parse(String text) {
        Optional<byte[]> v4 = ipv4(text);
        return v4.isPresent() ? v4 : ipv6(text);
    }

    /**
     * Whether a resolver would read this host name as an IPv4 number (its last label is decimal digits or
     * {@code 0x} hex, as the WHATWG URL standard and inet_aton read it); such a host must be canonical.
     * {@code host} is lower case without a trailing dot.
     */
    public static boolean looksNumeric(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x")) {
            return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The text form of an address, for messages. */
    public static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException wrongLength) {
            return "?";
        }
    }
}
