package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.CompiledRule;
import io.iris.gateway.routing.cel.RuleCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Turns stored rules into {@link RouteRule}s for a new snapshot, compiling each distinct expression once: a
 * configuration change recompiles only the expressions it introduced, and expressions no rule uses any more
 * are dropped. Compiling happens here, when the snapshot is built, never on the request path. Thread-safe.
 */
@ApplicationScoped
public class CompiledRuleCache {
    private static final Logger LOG = Logger.getLogger(CompiledRuleCache.class.getName());

    private final Map<String, CompiledRule> byExpression = new ConcurrentHashMap<>();

    /**
     * The enabled rules of {@code rules} as a table. A rule whose expression no longer compiles (stored by an
     * older version with other variables) is left out rather than failing the snapshot.
     *
     * @param providerNames provider names by id, for the targets
     */
    public RoutingTable table(Collection<RoutingRule> rules, Map<UUID, String> providerNames) {
        List<RouteRule> routes = rules.stream()
                .filter(RoutingRule::isEnabled)
                .map(rule -> route(rule, providerNames))
                .flatMap(Optional::stream)
                .toList();
        byExpression.keySet().retainAll(rules.stream().map(RoutingRule::getCelExpression).toList());
        return RoutingTable.of(routes);
    }

    private Optional<RouteRule> route(RoutingRule rule, Map<UUID, String> providerNames) {
        Optional<CompiledRule> compiled = compiled(rule.getCelExpression());
        return compiled.map(expression -> new RouteRule(rule.getId(), rule.getName(), rule.getScope(),
                rule.getScopeId(), rule.getPriority(), rule.getCreatedAt(), expression,
                rule.getTargets().stream().map(t -> new RouteTarget(
                        t.getProviderId() == null ? null : providerNames.get(t.getProviderId()),
                        t.getModel(), t.getKeyId(), t.getWeight())).toList(),
                rule.getFallbacks(), rule.isChainRule()));
    }

    private Optional<CompiledRule> compiled(String expression) {
        String key = expression == null ? "" : expression;
        try {
            return Optional.of(byExpression.computeIfAbsent(key, RuleCompiler.standard()::compile));
        } catch (RuntimeException notCompilable) {
            LOG.warning(() -> "a stored routing rule no longer compiles and is left out: " + notCompilable.getMessage());
            return Optional.empty();
        }
    }
}
