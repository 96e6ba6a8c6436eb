package io.iris.gateway.config;

import io.iris.gateway.common.Validation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes the gateway-wide settings; missing rows read as the defaults. */
@Stateless
public class GatewayConfigAdmin {
    static final String REQUIRE_VIRTUAL_KEY = "require_virtual_key";
    static final String ROUTING_CHAIN_MAX_DEPTH = "routing_chain_max_depth";
    static final String LOG_REQUEST_BODIES = "log_request_bodies";
    static final String MAX_BODY_BYTES = "max_body_bytes";
    static final String UNPRICED_MODELS = "unpriced_models";
    static final String PROVIDER_HOSTS_ALLOWED = "provider_hosts_allowed";
    static final String PROVIDER_HOSTS_DENIED = "provider_hosts_denied";
    /** Host lists are stored one entry per line: entries never hold a control character. */
    private static final String LINE = "\n";

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    public GatewayConfig get() {
        Map<String, String> stored = em.createQuery("select s from GatewaySetting s", GatewaySetting.class)
                .getResultStream()
                .collect(Collectors.toMap(GatewaySetting::getName, GatewaySetting::getValue));
        GatewayConfig d = GatewayConfig.DEFAULTS;
        return new GatewayConfig(
                parse(stored, REQUIRE_VIRTUAL_KEY, Boolean::parseBoolean, d.requireVirtualKey()),
                parse(stored, ROUTING_CHAIN_MAX_DEPTH, Integer::parseInt, d.routingChainMaxDepth()),
                parse(stored, LOG_REQUEST_BODIES, Boolean::parseBoolean, d.logRequestBodies()),
                Math.min(GatewayConfig.MAX_BODY_BYTES_LIMIT,
                        parse(stored, MAX_BODY_BYTES, Long::parseLong, d.maxBodyBytes())),
                parse(stored, UNPRICED_MODELS, v -> GatewayConfig.UnpricedModels.parse(v).orElseThrow(),
                        d.unpricedModels()),
                parse(stored, PROVIDER_HOSTS_ALLOWED, GatewayConfigAdmin::lines, d.providerHostsAllowed()),
                parse(stored, PROVIDER_HOSTS_DENIED, GatewayConfigAdmin::lines, d.providerHostsDenied()));
    }

    public GatewayConfig replace(GatewayConfig config) {
        Validation v = new Validation();
        config.validate(v);
        v.throwIfInvalid();
        put(REQUIRE_VIRTUAL_KEY, String.valueOf(config.requireVirtualKey()));
        put(ROUTING_CHAIN_MAX_DEPTH, String.valueOf(config.routingChainMaxDepth()));
        put(LOG_REQUEST_BODIES, String.valueOf(config.logRequestBodies()));
        put(MAX_BODY_BYTES, String.valueOf(config.maxBodyBytes()));
        put(UNPRICED_MODELS, config.unpricedModels().wireName());
        put(PROVIDER_HOSTS_ALLOWED, String.join(LINE, config.providerHostsAllowed()));
        put(PROVIDER_HOSTS_DENIED, String.join(LINE, config.providerHostsDenied()));
        return config;
    }

    private void put(String name, String value) {
        GatewaySetting setting = em.find(GatewaySetting.class, name);
        if (setting == null) {
            em.persist(new GatewaySetting(name, value));
        } else {
            setting.setValue(value);
        }
    }

    private static List<String> lines(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(LINE));
    }

    private static <T> T parse(Map<String, String> stored, String name, Function<String, T> parser, T fallback) {
        String value = stored.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
