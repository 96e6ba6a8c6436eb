package io.iris.gateway.config;

import io.iris.gateway.common.SafeText;
import io.iris.gateway.common.Validation;
import io.iris.gateway.egress.EgressPolicy;
import java.util.List;

/**
 * The gateway-wide settings of {@code /api/config}. Immutable; defaults are API.md §5's.
 *
 * @param maxBodyBytes largest request body the data plane accepts (default 10 MiB)
 * @param unpricedModels what a model without a price costs a caller with a budget on its path
 * @param providerHostsAllowed host patterns or CIDRs a provider's {@code base_url} may point at; empty: any host
 *                             that is not denied
 * @param providerHostsDenied host patterns or CIDRs refused on top of the built-in link-local and metadata list;
 *                            wins over the allowed list. Both lists are read by {@link EgressPolicy}; a change
 *                            applies to the next connection, and existing providers are not checked again
 */
public record GatewayConfig(boolean requireVirtualKey, int routingChainMaxDepth, boolean logRequestBodies,
                            long maxBodyBytes, UnpricedModels unpricedModels, List<String> providerHostsAllowed,
                            List<String> providerHostsDenied) {
    public static final GatewayConfig DEFAULTS = new GatewayConfig(true, 10, false, 10L * 1024 * 1024,
            UnpricedModels.DENY, List.of(), List.of());
    public static final int MAX_CHAIN_DEPTH = 100;
    /** Well below the default heap: a body is held in memory while its request is served. */
    public static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;
    public static final int MAX_HOST_ENTRIES = 50;
    /** What one stored setting holds (gateway_config.setting_value). */
    private static final int STORED_HOSTS_LIMIT = 4000;

    public GatewayConfig {
        providerHostsAllowed = List.copyOf(providerHostsAllowed);
        providerHostsDenied = List.copyOf(providerHostsDenied);
    }

    /** A model without a price: refused ({@code deny}, 403 {@code model_not_priced}) or served at no cost. */
    public enum UnpricedModels {
        DENY, FREE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<UnpricedModels> parse(String value) {
            for (UnpricedModels mode : values()) {
                if (mode.wireName().equals(value)) {
                    return java.util.Optional.of(mode);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public void validate(Validation v) {
        v.check(routingChainMaxDepth >= 1 && routingChainMaxDepth <= MAX_CHAIN_DEPTH, "routing_chain_max_depth",
                "must be between 1 and " + MAX_CHAIN_DEPTH);
        v.check(maxBodyBytes >= 1024 && maxBodyBytes <= MAX_BODY_BYTES_LIMIT, "max_body_bytes",
                "must be between 1024 and " + MAX_BODY_BYTES_LIMIT);
        hosts(v, "provider_hosts_allowed", providerHostsAllowed);
        hosts(v, "provider_hosts_denied", providerHostsDenied);
    }

    private static void hosts(Validation v, String field, List<String> hosts) {
        v.shortStrings(field, hosts, MAX_HOST_ENTRIES);
        v.check(String.join("\n", hosts).length() <= STORED_HOSTS_LIMIT, field,
                "must add up to at most " + STORED_HOSTS_LIMIT + " characters");
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            if (host == null || host.isBlank() || SafeText.hasUnsafe(host)) {
                continue; // reported by shortStrings
            }
            if (v.check(host.chars().allMatch(c -> c > ' ' && c < 0x7f), field + "[" + i + "]",
                    "must be printable ASCII without spaces")) {
                String at = field + "[" + i + "]";
                EgressPolicy.entryProblem(host).ifPresent(problem -> v.reject(at, problem));
            }
        }
    }
}
