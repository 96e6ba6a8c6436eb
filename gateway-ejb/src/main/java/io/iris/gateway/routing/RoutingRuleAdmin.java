package io.iris.gateway.routing;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.persistence.Store;
import io.iris.gateway.providers.Provider;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Routing rules: create, read, replace, delete. A rule is stored only when its expression compiles and
 * type-checks against the routing CEL environment and its targets are sound.
 */
@Stateless
public class RoutingRuleAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    RoutingRuleValidation validation;

    public List<RoutingRule> list() {
        return em.createQuery("select r from RoutingRule r order by r.scope, r.priority, r.createdAt, r.name",
                RoutingRule.class).getResultList();
    }

    public RoutingRule get(UUID id) {
        RoutingRule rule = id == null ? null : em.find(RoutingRule.class, id);
        if (rule == null) {
            throw NotFoundException.of("routing rule", id);
        }
        return rule;
    }

    public RoutingRule create(RoutingRuleSpec spec) {
        Map<String, Provider> providers = validation.validate(spec);
        requireUniqueName(spec.name(), null);
        RoutingRule rule = new RoutingRule();
        apply(rule, spec, providers);
        em.persist(rule);
        Store.flush(em, "name", "a routing rule with this name already exists");
        return rule;
    }

    public RoutingRule replace(UUID id, RoutingRuleSpec spec) {
        RoutingRule rule = get(id);
        Map<String, Provider> providers = validation.validate(spec);
        requireUniqueName(spec.name(), id);
        apply(rule, spec, providers);
        rule.touch();
        Store.flush(em, "name", "a routing rule with this name already exists");
        return rule;
    }

    public void delete(UUID id) {
        em.remove(get(id));
    }

    private void requireUniqueName(String name, UUID except) {
        Store.findBy(em, RoutingRule.class, "name", name)
                .filter(other -> !other.getId().equals(except))
                .ifPresent(other -> {
                    throw new ConflictException("name", "a routing rule named '" + name + "' already exists");
                });
    }

    private static void apply(RoutingRule rule, RoutingRuleSpec spec, Map<String, Provider> providers) {
        rule.setName(spec.name());
        rule.setDescription(spec.description() == null ? "" : spec.description());
        rule.setEnabled(spec.enabled() == null || spec.enabled());
        rule.setScope(RoutingRuleValidation.scopeOf(spec), spec.scopeId());
        rule.setPriority(spec.priority() == null ? 0 : spec.priority());
        rule.setCelExpression(spec.celExpression() == null ? "" : spec.celExpression());
        rule.setFallbacks(spec.fallbacks() == null ? List.of() : spec.fallbacks());
        rule.setChainRule(spec.chainRule() != null && spec.chainRule());
        rule.getTargets().clear();
        for (int i = 0; i < spec.targets().size(); i++) {
            RoutingRuleSpec.TargetSpec t = spec.targets().get(i);
            UUID providerId = t.provider() == null ? null : providers.get(t.provider()).getId();
            rule.getTargets().add(new RoutingTarget(rule, i, providerId, t.model(), t.keyId(), t.weight()));
        }
    }
}
