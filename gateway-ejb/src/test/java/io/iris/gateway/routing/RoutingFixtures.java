package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RuleCompiler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Builders for routing rules and requests in tests. */
final class RoutingFixtures {

    static final UUID VK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID TEAM = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final CallerIdentity CALLER = new CallerIdentity(VK.toString(), "ci-key", TEAM.toString(), "research",
            CUSTOMER.toString(), "acme");

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger CREATED = new AtomicInteger();

    private RoutingFixtures() {
    }

    static RuleBuilder rule(String name) {
        return new RuleBuilder(name);
    }

    static RequestBuilder request() {
        return new RequestBuilder();
    }

    static RoutingTable table(RuleBuilder... rules) {
        List<RouteRule> built = new ArrayList<>();
        for (RuleBuilder rule : rules) {
            built.add(rule.build());
        }
        return RoutingTable.of(built);
    }

    static final class RuleBuilder {
        private final String name;
        private UUID id;
        private RuleScope scope = RuleScope.GLOBAL;
        private UUID scopeId;
        private int priority;
        private Instant createdAt = EPOCH.plusSeconds(CREATED.incrementAndGet());
        private String expression = "";
        private final List<RouteTarget> targets = new ArrayList<>();
        private List<String> fallbacks = List.of();
        private boolean chain;

        private RuleBuilder(String name) {
            this.name = name;
            this.id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }

        RuleBuilder id(UUID value) {
            id = value;
            return this;
        }

        RuleBuilder scope(RuleScope value, UUID valueId) {
            scope = value;
            scopeId = valueId;
            return this;
        }

        RuleBuilder priority(int value) {
            priority = value;
            return this;
        }

        RuleBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        RuleBuilder when(String value) {
            expression = value;
            return this;
        }

        RuleBuilder to(String provider, String model) {
            return to(provider, model, null, 1.0);
        }

        RuleBuilder to(String provider, String model, UUID keyId, double weight) {
            targets.add(new RouteTarget(provider, model, keyId, weight));
            return this;
        }

        RuleBuilder fallbacks(String... values) {
            fallbacks = List.of(values);
            return this;
        }

        RuleBuilder chain() {
            chain = true;
            return this;
        }

        RouteRule build() {
            List<RouteTarget> built = targets.isEmpty() ? List.of(new RouteTarget("openai", null, null, 1.0)) : targets;
            return new RouteRule(id, name, scope, scopeId, priority, createdAt,
                    RuleCompiler.standard().compile(expression), built, fallbacks, chain);
        }
    }

    static final class RequestBuilder {
        private String model = "gpt-4o";
        private String provider = "";
        private String requestType = "chat";
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String> params = new HashMap<>();
        private CallerIdentity caller = CALLER;
        private LongSupplier estimatedPromptTokens = () -> 0L;
        private long maxTokens;
        private boolean stream;

        RequestBuilder model(String value) {
            model = value;
            return this;
        }

        RequestBuilder provider(String value) {
            provider = value;
            return this;
        }

        RequestBuilder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        RequestBuilder param(String key, String value) {
            params.put(key, value);
            return this;
        }

        RequestBuilder caller(CallerIdentity value) {
            caller = value;
            return this;
        }

        RequestBuilder estimatedPromptTokens(LongSupplier value) {
            estimatedPromptTokens = value;
            return this;
        }

        RequestBuilder maxTokens(long value) {
            maxTokens = value;
            return this;
        }

        RequestBuilder stream(boolean value) {
            stream = value;
            return this;
        }

        RoutingRequest build() {
            return new RoutingRequest(model, provider, requestType, headers, params, caller, estimatedPromptTokens,
                    maxTokens, stream);
        }
    }
}
