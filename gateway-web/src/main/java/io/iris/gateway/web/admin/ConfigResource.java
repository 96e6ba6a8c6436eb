package io.iris.gateway.web.admin;

import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.config.GatewayConfigAdmin;
import io.iris.gateway.web.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Gateway-wide settings. PUT takes any subset of the fields; the others keep their values. */
@Path("api/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {
    @Inject
    GatewayConfigAdmin config;

    public record ConfigView(boolean requireVirtualKey, int routingChainMaxDepth, boolean logRequestBodies,
                             long maxBodyBytes) {
        static ConfigView of(GatewayConfig c) {
            return new ConfigView(c.requireVirtualKey(), c.routingChainMaxDepth(), c.logRequestBodies(),
                    c.maxBodyBytes());
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
                orElse(in.longInteger("max_body_bytes"), current.maxBodyBytes())));
        return ConfigView.of(config.replace(next));
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
