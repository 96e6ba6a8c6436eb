package io.iris.gateway.security;

import io.iris.gateway.common.IpLiterals;
import io.iris.gateway.common.IpRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code iris.auth.trusted-proxies}: IP addresses
 * and CIDR networks, comma-separated; empty by default, so only the socket's address counts). Immutable and
 * thread-safe.
 */
public final class TrustedProxies {
    /** More hops than any real chain of proxies: the walk stops there rather than follow a padded header. */
    static final int MAX_HOPS = 20;
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<IpRange> networks;

    private TrustedProxies(List<IpRange> networks) {
        this.networks = networks;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a list like {@code "10.0.0.0/8, 127.0.0.1, ::1"}.
     *
     * @throws IllegalArgumentException naming the first entry that is neither an IP address nor a CIDR network
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<IpRange> networks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (!text.isEmpty()) {
                try {
                    networks.add(IpRange.parse(text));
                } catch (IllegalArgumentException wrong) {
                    throw new IllegalArgumentException("iris.auth.trusted-proxies: '" + text + "' "
                            + wrong.getMessage(), wrong);
                }
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies; false for anything else. */
    public boolean trusts(String address) {
        if (networks.isEmpty()) {
            return false;
        }
        Optional<byte[]> parsed = IpLiterals.parse(address);
        return parsed.isPresent() && trusts(parsed.get());
    }

    private boolean trusts(byte[] address) {
        for (IpRange network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: the socket's, unless the socket is a trusted proxy; then the rightmost hop of
     * {@code X-Forwarded-For} (all its header lines, in order) that is not itself a trusted proxy. Hops to the left
     * of that one were written by the client and prove nothing. A hop that is not an IP literal (a port is allowed
     * and dropped) ends the walk at the last trusted hop, as does a chain of only trusted proxies at its leftmost.
     */
    public String clientAddress(String socketAddress, List<String> forwardedFor) {
        if (!trusts(socketAddress) || forwardedFor.isEmpty()) {
            return socketAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = socketAddress;
        for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
            Optional<byte[]> hop = IpLiterals.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client;
            }
            client = IpLiterals.format(hop.get());
            if (!trusts(hop.get())) {
                return client;
            }
        }
        return client;
    }

    /** {@code [v6]:port} and {@code v4:port} as some proxies write them, without the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
