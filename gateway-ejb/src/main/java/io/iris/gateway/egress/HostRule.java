package io.iris.gateway.egress;

import io.iris.gateway.common.IpLiterals;
import io.iris.gateway.common.IpRange;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of {@code provider_hosts_allowed} or {@code provider_hosts_denied}: an exact host name
 * ({@code api.openai.com}), every subdomain of a domain ({@code *.openai.azure.com}, not the domain itself), or
 * an IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Names match case-insensitively and
 * regardless of a trailing dot. Immutable.
 */
public sealed interface HostRule {
    String FORM = "must be a host name (letters, digits, '-', '.'), *.domain, an IP address or a CIDR range, "
            + "without scheme, port or path";

    /** Whether the rule names this host (normalized by {@link HostNames#normalize}). */
    default boolean matchesName(String host) {
        return false;
    }

    /** Whether the rule covers this address (4 or 16 bytes). */
    default boolean matchesAddress(byte[] address) {
        return false;
    }

    record Exact(String name) implements HostRule {
        @Override
        public boolean matchesName(String host) {
            return host.equals(name);
        }
    }

    /** {@code suffix} starts with the dot: {@code .openai.azure.com}. */
    record Subdomains(String suffix) implements HostRule {
        @Override
        public boolean matchesName(String host) {
            return host.length() > suffix.length() && host.endsWith(suffix);
        }
    }

    record Range(IpRange range) implements HostRule {
        @Override
        public boolean matchesAddress(byte[] address) {
            return range.contains(address);
        }
    }

    /**
     * Reads an entry.
     *
     * @throws IllegalArgumentException with a message that completes "entry ..."
     */
    static HostRule parse(String entry) {
        if (entry == null || entry.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        String text = entry.toLowerCase(Locale.ROOT);
        boolean addressLike = text.indexOf('/') >= 0 || text.indexOf(':') >= 0 || text.startsWith("[")
                || IpLiterals.ipv4(text).isPresent();
        if (addressLike) {
            String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1)
                    : text;
            int slash = address.indexOf('/');
            if (IpLiterals.parse(slash < 0 ? address : address.substring(0, slash)).isEmpty()) {
                throw new IllegalArgumentException(FORM);
            }
            return new Range(IpRange.parse(address));
        }
        boolean wildcard = text.startsWith("*.");
        String name = HostNames.normalize(wildcard ? text.substring(2) : text);
        if (!HostNames.wellFormed(name)) {
            throw new IllegalArgumentException(FORM);
        }
        if (IpLiterals.looksNumeric(name)) {
            throw new IllegalArgumentException("is a numeric address in an ambiguous form: write IPv4 as four "
                    + "decimal numbers without leading zeros");
        }
        return wildcard ? new Subdomains("." + name) : new Exact(name);
    }

    /** The problem with an entry, if any. */
    static Optional<String> problem(String entry) {
        try {
            parse(entry);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
