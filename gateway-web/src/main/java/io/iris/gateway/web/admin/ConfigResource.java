package io.iris.gateway.web.admin;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.config.GatewayConfigAdmin;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Gateway-wide settings. PUT takes any subset of the fields; the others keep their values. */
@Path("api/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {
    @Inject
    GatewayConfigAdmin config;

    public record ConfigView(boolean requireVirtualKey, int routingChainMaxDepth, boolean logRequestBodies,
                             long maxBodyBytes, String unpricedModels, List<String> providerHostsAllowed,
                             List<String> providerHostsDenied) {
        static ConfigView of(GatewayConfig c) {
            return new ConfigView(c.requireVirtualKey(), c.routingChainMaxDepth(), c.logRequestBodies(),
                    c.maxBodyBytes(), c.unpricedModels().wireName(), c.providerHostsAllowed(),
                    c.providerHostsDenied());
        }
    }

    @GET
    public ConfigView get() {
        return ConfigView.of(config.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigView replace(String body) {
        GatewayConfig current = config.get();
        GatewayConfig next = JsonBodies.read(body, in -> new GatewayConfig(
                orElse(in.bool("require_virtual_key"), current.requireVirtualKey()),
                orElse(in.integer("routing_chain_max_depth"), current.routingChainMaxDepth()),
                orElse(in.bool("log_request_bodies"), current.logRequestBodies()),
                orElse(in.longInteger("max_body_bytes"), current.maxBodyBytes()),
                unpricedModels(in, current.unpricedModels()),
                orElse(in.strings("provider_hosts_allowed"), current.providerHostsAllowed()),
                orElse(in.strings("provider_hosts_denied"), current.providerHostsDenied())));
        return ConfigView.of(config.replace(next));
    }

    private static GatewayConfig.UnpricedModels unpricedModels(JsonInput in, GatewayConfig.UnpricedModels current) {
        String given = in.string("unpriced_models");
        if (given == null) {
            return current;
        }
        return GatewayConfig.UnpricedModels.parse(given).orElseGet(() -> {
            in.errors().reject("unpriced_models", "must be \"deny\" or \"free\"");
            return current;
        });
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
