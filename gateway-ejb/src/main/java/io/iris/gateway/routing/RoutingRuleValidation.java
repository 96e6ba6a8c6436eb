package io.iris.gateway.routing;

import io.iris.gateway.common.Validation;
import io.iris.gateway.governance.Customer;
import io.iris.gateway.governance.Team;
import io.iris.gateway.governance.VirtualKey;
import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderAdmin;
import io.iris.gateway.routing.cel.RuleCompilationException;
import io.iris.gateway.routing.cel.RuleCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a whole routing rule write: expression, scope, targets and fallbacks. */
@ApplicationScoped
public class RoutingRuleValidation {
    static final int MAX_TARGETS = 100;
    static final int MAX_FALLBACKS = 20;
    static final int MAX_DESCRIPTION = 4000;
    static final double WEIGHT_TOLERANCE = 0.001;

    private final RuleCompiler compiler = RuleCompiler.standard();

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    ProviderAdmin providerAdmin;

    /** @return every provider, by name, for resolving the targets */
    public Map<String, Provider> validate(RoutingRuleSpec spec) {
        Validation v = new Validation();
        v.name("name", spec.name());
        v.check(spec.description() == null || spec.description().length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        validateScope(v, spec);
        if (spec.celExpression() != null) {
            try {
                compiler.compile(spec.celExpression());
            } catch (RuleCompilationException e) {
                v.reject("cel_expression", e.getMessage());
            }
        }
        Map<String, Provider> providers = providerAdmin.byName();
        validateTargets(v, spec.targets(), providers);
        validateFallbacks(v, spec.fallbacks(), providers);
        v.throwIfInvalid();
        return providers;
    }

    static RuleScope scopeOf(RoutingRuleSpec spec) {
        return spec.scope() == null ? RuleScope.GLOBAL : RuleScope.fromWireName(spec.scope()).orElseThrow();
    }

    private void validateScope(Validation v, RoutingRuleSpec spec) {
        if (spec.scope() != null && RuleScope.fromWireName(spec.scope()).isEmpty()) {
            v.reject("scope", "must be one of global, customer, team, virtual_key");
            return;
        }
        RuleScope scope = scopeOf(spec);
        if (scope == RuleScope.GLOBAL) {
            v.check(spec.scopeId() == null, "scope_id", "must be null for a global rule");
            return;
        }
        if (spec.scopeId() == null) {
            v.reject("scope_id", "is required for a " + scope.wireName() + " rule");
            return;
        }
        Class<?> owner = switch (scope) {
            case CUSTOMER -> Customer.class;
            case TEAM -> Team.class;
            default -> VirtualKey.class;
        };
        v.check(em.find(owner, spec.scopeId()) != null, "scope_id", "no such " + scope.wireName().replace('_', ' '));
    }

    private static void validateTargets(Validation v, List<RoutingRuleSpec.TargetSpec> targets,
                                        Map<String, Provider> providers) {
        if (targets.isEmpty()) {
            v.reject("targets", "must have at least one target");
            return;
        }
        v.check(targets.size() <= MAX_TARGETS, "targets", "must have at most " + MAX_TARGETS + " entries");
        double sum = 0;
        boolean weightsValid = true;
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            RoutingRuleSpec.TargetSpec t = targets.get(i);
            String prefix = "targets[" + i + "].";
            Provider provider = t.provider() == null ? null : providers.get(t.provider());
            v.check(t.provider() == null || provider != null, prefix + "provider", "no such provider");
            if (t.model() != null) {
                v.name(prefix + "model", t.model());
            }
            if (t.keyId() != null) {
                if (t.provider() == null) {
                    v.reject(prefix + "key_id", "needs a provider");
                } else if (provider != null) {
                    v.check(provider.getKeys().stream().anyMatch(k -> k.getId().equals(t.keyId())),
                            prefix + "key_id", "is not a key of provider '" + t.provider() + "'");
                }
            }
            if (t.weight() == null || !Double.isFinite(t.weight()) || t.weight() <= 0) {
                v.reject(prefix + "weight", "must be a finite number greater than 0");
                weightsValid = false;
            } else {
                sum += t.weight();
            }
            v.check(seen.add(Arrays.asList(t.provider(), t.model(), t.keyId())), "targets[" + i + "]",
                    "duplicates an earlier target");
        }
        if (weightsValid) {
            v.check(Math.abs(sum - 1.0) <= WEIGHT_TOLERANCE, "targets", "weights must sum to 1 (they sum to "
                    + sum + ")");
        }
    }

    private static void validateFallbacks(Validation v, List<String> fallbacks, Map<String, Provider> providers) {
        if (fallbacks == null) {
            return;
        }
        v.check(fallbacks.size() <= MAX_FALLBACKS, "fallbacks", "must have at most " + MAX_FALLBACKS + " entries");
        for (int i = 0; i < fallbacks.size(); i++) {
            String fallback = fallbacks.get(i);
            int slash = fallback == null ? -1 : fallback.indexOf('/');
            String field = "fallbacks[" + i + "]";
            if (slash <= 0 || fallback.length() > 512) {
                v.reject(field, "must be provider/model or provider/");
            } else if (v.noControlCharacters(field, fallback)) {
                v.check(providers.containsKey(fallback.substring(0, slash)), field, "no such provider");
            }
        }
    }
}
