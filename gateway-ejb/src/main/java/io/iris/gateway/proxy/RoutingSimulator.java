package io.iris.gateway.proxy;

import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.InvalidInputException;
import io.iris.gateway.governance.accounting.Accounting;
import io.iris.gateway.governance.accounting.LiveCapacity;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.routing.RandomSource;
import io.iris.gateway.routing.RoutingDecision;
import io.iris.gateway.routing.RoutingEngine;
import io.iris.gateway.security.VirtualKeyValues;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import io.iris.gateway.upstream.KeyHealthRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/routing/simulate} (API.md §2): runs a request through the same routing engine and target
 * resolution as the data plane, against the live snapshot, and reports where it would go and why. No provider is
 * called and no budget or rate limit is touched. Thread-safe.
 */
@ApplicationScoped
public class RoutingSimulator {
    private static final Map<String, Endpoint> ENDPOINTS = Map.of("chat", Endpoint.CHAT,
            "completion", Endpoint.COMPLETIONS, "embedding", Endpoint.EMBEDDINGS, "messages", Endpoint.MESSAGES);

    @Inject
    Snapshots snapshots;

    @Inject
    Accounting accounting;

    @Inject
    KeyHealthRegistry health;

    private final RoutingEngine engine = new RoutingEngine(RandomSource.threadLocal(),
            provider -> health.weights().providerFactor(provider));

    /**
     * @param model       the model to route; when null, the body's {@code model}
     * @param virtualKey  the caller's virtual key value, or null for a caller without one
     * @param requestType one of API.md's request types, or null: {@code chat} ({@code chat_stream} when the body
     *                    streams)
     * @param body        the request body as the client would send it ({@code "{}"} when none)
     */
    public record Request(String model, Map<String, String> headers, Map<String, String> params, String virtualKey,
                          String requestType, byte[] body) {
    }

    /**
     * The outcome: the engine's decision, the target it resolves to (empty with {@code failure} when the request
     * would be refused before any upstream call), and the fallbacks the call would use.
     */
    public record Simulation(RoutingDecision decision, Optional<Target> target, List<String> fallbacks,
                             Optional<GatewayException> failure) {
    }

    public Simulation simulate(Request request) {
        GatewaySnapshot snapshot = snapshots.current();
        RequestJson body = parseBody(request.body());
        String model = request.model() != null ? request.model() : body.string("model").orElse("");
        if (model.isBlank()) {
            throw new InvalidInputException("model", "is required (here or in the body)");
        }
        Optional<CallerGrant> caller = Optional.ofNullable(request.virtualKey()).map(value -> snapshot
                .callerByHash(VirtualKeyValues.hash(value))
                .orElseThrow(() -> new InvalidInputException("virtual_key", "is not a known virtual key")));
        String type = request.requestType() == null ? null : request.requestType().toLowerCase(Locale.ROOT);
        boolean stream = type == null ? body.bool("stream") : type.endsWith("_stream");
        Endpoint endpoint = ENDPOINTS.get(type == null ? "chat" : type.replace("_stream", ""));
        if (endpoint == null || (stream && endpoint == Endpoint.EMBEDDINGS)) {
            throw new InvalidInputException("request_type", "must be one of chat, chat_stream, completion, "
                    + "completion_stream, embedding, messages, messages_stream");
        }
        RoutingDecision decision = engine.decide(RoutingInputs.of(endpoint, lowerCased(request.headers()),
                        lowerCased(request.params()), body, model, stream, caller, snapshot), snapshot.routing(),
                new LiveCapacity(snapshot.limits(), accounting.counters(), Clock.systemUTC()), snapshot.config().routingChainMaxDepth());
        List<String> fallbacks = decision.fallbacks().orElseGet(() -> body.strings("fallbacks"));
        try {
            Target target = TargetResolver.resolve(decision, caller, snapshot);
            return new Simulation(decision, Optional.of(target), fallbacks, Optional.empty());
        } catch (GatewayException refused) {
            return new Simulation(decision, Optional.empty(), fallbacks, Optional.of(refused));
        }
    }

    private static RequestJson parseBody(byte[] body) {
        try {
            return RequestJson.parse(body);
        } catch (GatewayException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }

    private static Map<String, String> lowerCased(Map<String, String> values) {
        Map<String, String> lower = new HashMap<>();
        if (values != null) {
            values.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        }
        return lower;
    }
}
