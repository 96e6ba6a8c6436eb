package io.iris.gateway.egress;

import io.iris.gateway.common.IpLiterals;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a provider's {@code base_url} may point and where the HTTP client may connect: never at the
 * {@link BuiltInDenyList}; never at what {@code provider_hosts_denied} names (it wins); and, when
 * {@code provider_hosts_allowed} is not empty, only at what it names. A host name is checked as written, and the
 * addresses it resolves to are checked again when the client connects ({@link #refusesAddress}); an address
 * literal is checked at once. A host name that the allowed list does not name is left to its addresses when the
 * list holds CIDR ranges: it may be used only if every address it resolves to lies in one.
 *
 * <p>Immutable and thread-safe; build it once per configuration and share it.
 */
public final class EgressPolicy {
    /** The built-in deny list alone: what an empty configuration means. */
    public static final EgressPolicy BUILT_IN = from(List.of(), List.of());

    static final String METADATA = "points at a link-local, cloud metadata, multicast or unspecified address";
    static final String DENIED = "is refused by provider_hosts_denied";
    static final String NOT_ALLOWED = "is not in provider_hosts_allowed";

    private final List<HostRule> allowed;
    private final boolean restricted;
    private final boolean allowsRanges;
    private final List<HostRule> denied;
    private final List<String> ignored;

    private EgressPolicy(List<HostRule> allowed, boolean restricted, List<HostRule> denied, List<String> ignored) {
        this.allowed = List.copyOf(allowed);
        this.restricted = restricted;
        this.allowsRanges = allowed.stream().anyMatch(r -> r instanceof HostRule.Range);
        this.denied = List.copyOf(denied);
        this.ignored = List.copyOf(ignored);
    }

    /**
     * The policy of these lists. Entries are expected to have passed {@link #entryProblem}; one that does not
     * parse (stored before entries were checked) is left out and listed by {@link #ignoredEntries()}. An allowed list
     * that had entries still restricts, even if none of them parses: an error never widens what is allowed.
     */
    public static EgressPolicy from(List<String> allowedEntries, List<String> deniedEntries) {
        List<String> ignored = new ArrayList<>();
        List<HostRule> allowed = parseAll(allowedEntries, ignored);
        List<HostRule> denied = parseAll(deniedEntries, ignored);
        return new EgressPolicy(allowed, !allowedEntries.isEmpty(), denied, ignored);
    }

    private static List<HostRule> parseAll(List<String> entries, List<String> ignored) {
        List<HostRule> rules = new ArrayList<>(entries.size());
        for (String entry : entries) {
            try {
                rules.add(HostRule.parse(entry));
            } catch (IllegalArgumentException bad) {
                ignored.add(entry);
            }
        }
        return rules;
    }

    /**
     * What is wrong with an entry of {@code provider_hosts_allowed} or {@code provider_hosts_denied}, if anything:
     * a host name ({@code api.openai.com}), {@code *.domain} for its subdomains, an IP address, or a CIDR range.
     */
    public static Optional<String> entryProblem(String entry) {
        return HostRule.problem(entry);
    }

    /** Stored entries that did not parse and so take no part. */
    public List<String> ignoredEntries() {
        return ignored;
    }

    /**
     * The write-time check of a {@code base_url}: the reason it may not be stored, or empty. Names are not
     * resolved here; their addresses are checked on connect.
     */
    public Optional<String> refusesUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        return checkHost(uri.getHost()).refusal().map(reason -> "host " + uri.getHost() + " " + reason);
    }

    /** The verdict on a host name or address literal (a URL's host, brackets allowed), before any DNS. */
    public HostCheck checkHost(String host) {
        String name = HostNames.normalize(host);
        Optional<byte[]> literal = IpLiterals.parse(name);
        if (literal.isPresent()) {
            HostCheck byAddress = restricted ? HostCheck.ADDRESS_DECIDES : HostCheck.ALLOWED;
            return refusesAddress(literal.get(), byAddress).map(HostCheck::refused).orElse(HostCheck.ALLOWED);
        }
        if (name.indexOf(':') >= 0 || name.indexOf('%') >= 0 || name.indexOf('[') >= 0) {
            return HostCheck.refused("is not a valid IPv6 address (zone indexes are not accepted)");
        }
        if (IpLiterals.looksNumeric(name)) {
            return HostCheck.refused("is a numeric address in an ambiguous form: write IPv4 as four decimal "
                    + "numbers without leading zeros");
        }
        if (!HostNames.wellFormed(name)) {
            return HostCheck.refused("is not a valid host name");
        }
        if (BuiltInDenyList.deniesName(name)) {
            return HostCheck.refused("is a cloud metadata host");
        }
        if (denied.stream().anyMatch(r -> r.matchesName(name))) {
            return HostCheck.refused(DENIED);
        }
        if (!restricted || allowed.stream().anyMatch(r -> r.matchesName(name))) {
            return HostCheck.ALLOWED;
        }
        return allowsRanges ? HostCheck.ADDRESS_DECIDES : HostCheck.refused(NOT_ALLOWED);
    }

    /**
     * Whether the client may connect to {@code address} (4 or 16 bytes), one of the addresses of a host whose
     * {@link #checkHost} verdict was {@code hostCheck} (not refused): the reason it may not, or empty.
     */
    public Optional<String> refusesAddress(byte[] address, HostCheck hostCheck) {
        if (BuiltInDenyList.deniesAddress(address)) {
            return Optional.of(METADATA);
        }
        Optional<byte[]> embedded = BuiltInDenyList.embeddedIpv4(address);
        boolean deniedHere = denied.stream().anyMatch(r -> r.matchesAddress(address)
                || embedded.filter(r::matchesAddress).isPresent());
        if (deniedHere) {
            return Optional.of(DENIED);
        }
        if (hostCheck.outcome() == HostCheck.Outcome.ADDRESS_DECIDES
                && allowed.stream().noneMatch(r -> r.matchesAddress(address))) {
            return Optional.of(NOT_ALLOWED);
        }
        return Optional.empty();
    }
}
