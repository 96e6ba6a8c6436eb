package io.iris.gateway.snapshot;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.governance.accounting.LimitBook;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.routing.RoutingTable;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the request path needs to know about the configuration, built in one go when the configuration
 * changes and swapped whole. Immutable; read without locks.
 *
 * @param providers by name, in name order (bare model names resolve to the first provider that lists them)
 * @param callers   virtual keys by the SHA-256 of their value
 * @param routing   the enabled routing rules, compiled
 * @param limits    which live counters guard each place on a request's path
 * @param prices    the pricing table
 */
public record GatewaySnapshot(Map<String, ProviderRoute> providers, Map<String, CallerGrant> callers,
                              GatewayConfig config, RoutingTable routing, LimitBook limits,
                              PriceBook prices) {
    public static final GatewaySnapshot EMPTY = new GatewaySnapshot(Map.of(), Map.of(), GatewayConfig.DEFAULTS);

    /** A snapshot without routing rules or limits. */
    public GatewaySnapshot(Map<String, ProviderRoute> providers, Map<String, CallerGrant> callers,
                           GatewayConfig config) {
        this(providers, callers, config, RoutingTable.EMPTY, LimitBook.EMPTY, PriceBook.EMPTY);
    }

    public Optional<ProviderRoute> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public Collection<ProviderRoute> providersInOrder() {
        return providers.values();
    }

    public Optional<CallerGrant> callerByHash(String hash) {
        return Optional.ofNullable(callers.get(hash));
    }
}
