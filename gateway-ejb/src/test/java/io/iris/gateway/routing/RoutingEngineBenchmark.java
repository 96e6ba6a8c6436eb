package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RuleCompiler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision over realistic rule tables, the trace included. Run with the {@code jmh} profile of this
 * module (see its pom). {@code rules}: 10 rules (3 virtual key, 2 team, 2 customer, 3 global), or 100 rules (25
 * per scope); every scope's rules apply to the caller, and the one that matches is near the end of the global
 * scope, so nearly every rule is tried. {@code mix}: {@code brief} uses only the shapes of issue 4 (a header and
 * the model, a capacity threshold, the team and max_tokens, a model prefix and stream); {@code mixed} makes one
 * rule in five a disjunction that no requirement captures, so CEL has to evaluate it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingEngineBenchmark {

    private static final UUID VK = UUID.fromString("6b0c1d8e-2f4a-4c55-9a1e-000000000001");
    private static final UUID TEAM = UUID.fromString("6b0c1d8e-2f4a-4c55-9a1e-000000000002");
    private static final UUID CUSTOMER = UUID.fromString("6b0c1d8e-2f4a-4c55-9a1e-000000000003");
    private static final String[] REGIONS = {"eu", "apac", "latam", "me", "af", "ca", "jp"};
    private static final String[] TEAMS = {"search", "ads", "ml-infra", "support", "legal", "finance"};

    @Param({"10", "100"})
    public int rules;

    @Param({"brief", "mixed"})
    public String mix;

    private RoutingEngine engine;
    private RoutingTable table;
    private RoutingRequest request;
    private CapacityView capacity;
    private int created;

    @Setup
    public void setUp() {
        engine = new RoutingEngine(RandomSource.threadLocal());
        capacity = (variable, provider, model, caller) -> 12.5;
        int[] perScope = rules == 10 ? new int[] {3, 2, 2, 3} : new int[] {25, 25, 25, 25};
        List<RouteRule> all = new ArrayList<>();
        all.addAll(scopeRules(RuleScope.VIRTUAL_KEY, VK, perScope[0], -1));
        all.addAll(scopeRules(RuleScope.TEAM, TEAM, perScope[1], -1));
        all.addAll(scopeRules(RuleScope.CUSTOMER, CUSTOMER, perScope[2], -1));
        all.addAll(scopeRules(RuleScope.GLOBAL, null, perScope[3], perScope[3] - 2));
        table = RoutingTable.of(all);
        request = new RoutingRequest("gpt-4o", "", "chat", headers(), Map.of(),
                new CallerIdentity(VK.toString(), "prod-backend", TEAM.toString(), "research", CUSTOMER.toString(),
                        "acme"), () -> 2_500L, 1024, false);
        RoutingDecision decision = decide();
        int tried = decision.trace().steps().get(0).rules().size();
        if (!decision.rule().equals(java.util.Optional.of("match")) || tried != rules - 1) {
            throw new IllegalStateException("the benchmark table does not decide as designed: " + decision);
        }
    }

    @Benchmark
    public RoutingDecision decide() {
        return engine.decide(request, table, capacity, 10);
    }

    private List<RouteRule> scopeRules(RuleScope scope, UUID scopeId, int count, int matchAt) {
        List<RouteRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String expression = i == matchAt ? "headers[\"x-region\"] == \"us\" && model == \"gpt-4o\""
                    : nonMatching(scope.ordinal() * 31 + i);
            rules.add(new RouteRule(UUID.randomUUID(), i == matchAt ? "match" : scope.wireName() + "-" + i, scope,
                    scopeId, i, Instant.EPOCH.plusSeconds(created++), RuleCompiler.standard().compile(expression),
                    List.of(new RouteTarget("azure-eu", "gpt-4o", null, 0.7),
                            new RouteTarget("openai", null, null, 0.3)),
                    List.of("anthropic/claude-sonnet-4"), false));
        }
        return rules;
    }

    private String nonMatching(int n) {
        if (mix.equals("mixed") && n % 5 == 4) {
            return "estimated_prompt_tokens > " + (100_000 + n) + " || headers[\"x-tenant\"] == \"t" + n + "\"";
        }
        return switch (n % 4) {
            case 0 -> "headers[\"x-region\"] == \"" + REGIONS[n % REGIONS.length] + "\" && model == \"gpt-4o\"";
            case 1 -> "budget_used > " + (80 + n % 20) + ".0";
            case 2 -> "team_name == \"" + TEAMS[n % TEAMS.length] + "\" && max_tokens > 4000";
            default -> "model.startsWith(\"claude\") && stream";
        };
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "iris.internal.example");
        headers.put("user-agent", "openai-python/1.54.0");
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put("accept-encoding", "gzip, deflate");
        headers.put("content-length", "1834");
        headers.put("x-request-id", "4f1f8a2e-77b1-4a4e-9d0c-0b6a3c9d1e22");
        headers.put("x-region", "us");
        headers.put("x-tenant", "acme-prod");
        headers.put("x-stainless-lang", "python");
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        headers.put("connection", "keep-alive");
        return headers;
    }
}
