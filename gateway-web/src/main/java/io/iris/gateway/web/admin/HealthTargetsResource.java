package io.iris.gateway.web.admin;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.proxy.ProxyService;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealth;
import io.iris.gateway.upstream.KeyHealthRegistry;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * {@code GET /api/health/targets}: the live health of every provider key (API.md §3): circuit state, failures in
 * a row, error rate and latency (moving averages), its health factor, and the weight it gets now (configured
 * weight times health factor, 0 while its circuit is open). Read from memory; never a database call.
 */
@Path("api/health/targets")
@Produces(MediaType.APPLICATION_JSON)
public class HealthTargetsResource {
    @Inject
    ProxyService proxy;

    @Inject
    KeyHealthRegistry health;

    @GET
    public JsonObject targets() {
        Instant now = Instant.now();
        JsonArrayBuilder providers = JsonP.PROVIDER.createArrayBuilder();
        for (ProviderRoute provider : proxy.snapshot().providersInOrder()) {
            JsonArrayBuilder keys = JsonP.PROVIDER.createArrayBuilder();
            for (UpstreamKey key : provider.keys()) {
                KeyHealth.State state = health.of(key.id()).state(now);
                boolean available = key.enabled() && health.of(key.id()).available(now);
                keys.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("key_id", key.id().toString())
                        .add("key_name", key.name())
                        .add("enabled", key.enabled())
                        .add("circuit", state.circuit().name().toLowerCase(java.util.Locale.ROOT))
                        .add("consecutive_failures", state.consecutiveFailures())
                        .add("error_rate", state.errorRate())
                        .add("latency_ms", state.latencyMs())
                        .add("samples", state.samples())
                        .add("weight", key.weight())
                        .add("health_factor", health.weights().factor(key.id()))
                        .add("effective_weight", available ? health.weights().effective(key) : 0.0));
            }
            providers.add(JsonP.PROVIDER.createObjectBuilder().add("provider", provider.name()).add("keys", keys));
        }
        return JsonP.PROVIDER.createObjectBuilder().add("data", providers).build();
    }
}
