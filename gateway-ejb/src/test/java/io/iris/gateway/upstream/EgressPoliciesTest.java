package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.egress.EgressPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EgressPoliciesTest {
    private static GatewayConfig withHosts(List<String> allowed, List<String> denied, boolean requireVirtualKey) {
        GatewayConfig d = GatewayConfig.DEFAULTS;
        return new GatewayConfig(requireVirtualKey, d.routingChainMaxDepth(), d.logRequestBodies(), d.maxBodyBytes(),
                d.unpricedModels(), allowed, denied);
    }

    @Test
    void get_otherSettingsChanged_samePolicyObject() {
        AtomicReference<GatewayConfig> config = new AtomicReference<>(withHosts(List.of(), List.of("10.0.0.0/8"), true));
        EgressPolicies policies = new EgressPolicies(config::get);
        EgressPolicy first = policies.get();

        config.set(withHosts(List.of(), List.of("10.0.0.0/8"), false));

        assertSame(first, policies.get());
    }

    @Test
    void get_hostListsChanged_newPolicyInForce() {
        AtomicReference<GatewayConfig> config = new AtomicReference<>(GatewayConfig.DEFAULTS);
        EgressPolicies policies = new EgressPolicies(config::get);
        EgressPolicy first = policies.get();

        config.set(withHosts(List.of(), List.of("127.0.0.0/8"), true));
        EgressPolicy second = policies.get();

        assertNotSame(first, second);
        assertTrue(second.refusesUrl("http://127.0.0.1:8080/").isPresent());
    }
}
