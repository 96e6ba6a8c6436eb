package io.iris.gateway.upstream;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.egress.EgressPolicy;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The egress policy of the configuration in force. Reads the configuration from {@code config} (the current
 * snapshot's) on every call: one reference comparison when it has not changed, a new policy only when the host
 * lists did. The same lists give the same policy object, so its identity tells connections opened under
 * another policy apart (see {@link PolicyBoundConnections}). Lock-free; a race builds an equal policy twice.
 */
final class EgressPolicies implements Supplier<EgressPolicy> {
    private static final Logger LOG = Logger.getLogger(EgressPolicies.class.getName());

    private final Supplier<GatewayConfig> config;
    private volatile Built built = new Built(null, EgressPolicy.BUILT_IN);

    private record Built(GatewayConfig config, EgressPolicy policy) {
        boolean sameLists(GatewayConfig other) {
            return config != null && config.providerHostsAllowed().equals(other.providerHostsAllowed())
                    && config.providerHostsDenied().equals(other.providerHostsDenied());
        }
    }

    EgressPolicies(Supplier<GatewayConfig> config) {
        this.config = config;
    }

    @Override
    public EgressPolicy get() {
        GatewayConfig now = config.get();
        Built last = built;
        if (last.config() == now) {
            return last.policy();
        }
        if (last.sameLists(now)) {
            built = new Built(now, last.policy());
            return last.policy();
        }
        EgressPolicy next = EgressPolicy.from(now.providerHostsAllowed(), now.providerHostsDenied());
        if (!next.ignoredEntries().isEmpty()) {
            LOG.warning(() -> "provider host list entries that are not valid take no part: "
                    + next.ignoredEntries() + "; write provider_hosts_allowed / provider_hosts_denied again");
        }
        built = new Built(now, next);
        return next;
    }
}
