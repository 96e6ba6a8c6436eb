package io.iris.gateway.common;

import java.util.Arrays;
import java.util.Optional;

/** A CIDR block of IPv4 (4-byte) or IPv6 (16-byte) addresses. Immutable. */
public final class IpRange {
    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network.clone();
        this.prefixLength = prefixLength;
    }

    /** A block; the bits of {@code network} past {@code prefixLength} must be zero. */
    public static IpRange of(byte[] network, int prefixLength) {
        if (prefixLength < 0 || prefixLength > network.length * 8 || !hostBitsZero(network, prefixLength)) {
            throw new IllegalArgumentException("not a network address of a /" + prefixLength);
        }
        return new IpRange(network, prefixLength);
    }

    public static IpRange single(byte[] address) {
        return new IpRange(address, address.length * 8);
    }

    /**
     * Reads {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare address (a block of one).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> address = IpLiterals.parse(addressText);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("is not an IP address or CIDR range (IPv4 as four decimal numbers)");
        }
        if (slash < 0) {
            return single(address.get());
        }
        String length = text.substring(slash + 1);
        int bits = address.get().length * 8;
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(length) > bits || (length.length() > 1 && length.charAt(0) == '0')) {
            throw new IllegalArgumentException("has a prefix length that is not a number from 0 to " + bits);
        }
        int prefix = Integer.parseInt(length);
        if (!hostBitsZero(address.get(), prefix)) {
            throw new IllegalArgumentException("has bits set past its /" + prefix + " (write the network address)");
        }
        return new IpRange(address.get(), prefix);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    private static boolean hostBitsZero(byte[] address, int prefixLength) {
        for (int bit = prefixLength; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange r && r.prefixLength == prefixLength && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }
}
