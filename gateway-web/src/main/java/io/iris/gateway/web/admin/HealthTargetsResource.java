package io.iris.gateway.web.admin;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.proxy.ProxyService;
import io.iris.gateway.routing.RouteRule;
import io.iris.gateway.routing.RouteTarget;
import io.iris.gateway.routing.TargetHealth;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealth;
import io.iris.gateway.upstream.KeyHealthRegistry;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * {@code GET /api/health/targets}: the live health of every provider key (API.md §3): circuit state, failures in
 * a row, error rate and latency (moving averages), its health factor, and the weight it gets now (configured
 * weight times health factor, 0 while its circuit is open); per provider its health factor, which scales the
 * weight of the routing-rule targets that send traffic to it; and per rule with targets the weight each target
 * gets now. Read from memory; never a database call.
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
                        .add("window_error_rate", state.windowErrorRate())
                        .add("window_requests", state.windowRequests())
                        .add("rate_limit_headroom", state.headroom() < 0
                                ? JsonValue.NULL : JsonP.PROVIDER.createValue(state.headroom()))
                        .add("weight", key.weight())
                        .add("health_factor", health.weights().factor(key.id()))
                        .add("effective_weight", available ? health.weights().effective(key) : 0.0));
            }
            providers.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("provider", provider.name())
                    .add("health_factor", health.weights().providerFactor(provider.name()))
                    .add("keys", keys));
        }
        return JsonP.PROVIDER.createObjectBuilder().add("data", providers).add("rules", rules()).build();
    }

    /** Rule targets with their effective weights; a target without a provider is weighed as fully healthy. */
    private JsonArrayBuilder rules() {
        JsonArrayBuilder rules = JsonP.PROVIDER.createArrayBuilder();
        TargetHealth providers = provider -> provider == null ? 1.0 : health.weights().providerFactor(provider);
        for (RouteRule rule : proxy.snapshot().routing().all()) {
            if (rule.targets().isEmpty()) {
                continue;
            }
            double[] effective = rule.effectiveWeights(providers, null);
            JsonArrayBuilder targets = JsonP.PROVIDER.createArrayBuilder();
            for (int i = 0; i < effective.length; i++) {
                RouteTarget target = rule.targets().get(i);
                JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder();
                nullable(json, "provider", target.provider());
                nullable(json, "model", target.model());
                targets.add(json.add("weight", target.weight())
                        .add("health_factor", target.provider() == null ? 1.0 : providers.factor(target.provider()))
                        .add("effective_weight", effective[i]));
            }
            rules.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("rule_id", rule.id().toString())
                    .add("rule", rule.name())
                    .add("targets", targets));
        }
        return rules;
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
