package io.iris.gateway.providers;

import io.iris.gateway.governance.VirtualKeyProviderConfig;
import io.iris.gateway.routing.RoutingRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds what still refers to a provider or key, so that a delete never leaves a rule, virtual key or model
 * config pointing at nothing. Answers with a human description of the first user found.
 */
@ApplicationScoped
public class ProviderReferences {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    public Optional<String> whoUses(Provider provider) {
        List<String> vks = em.createQuery("select c.virtualKey.name from VirtualKeyProviderConfig c"
                        + " where c.providerId = :id", String.class)
                .setParameter("id", provider.getId()).setMaxResults(1).getResultList();
        if (!vks.isEmpty()) {
            return Optional.of("virtual key '" + vks.get(0) + "'");
        }
        List<String> configs = em.createQuery("select m.name from ModelConfig m where m.providerId = :id", String.class)
                .setParameter("id", provider.getId()).setMaxResults(1).getResultList();
        if (!configs.isEmpty()) {
            return Optional.of("model config '" + configs.get(0) + "'");
        }
        List<String> targets = em.createQuery("select t.rule.name from RoutingTarget t where t.providerId = :id",
                        String.class)
                .setParameter("id", provider.getId()).setMaxResults(1).getResultList();
        if (!targets.isEmpty()) {
            return Optional.of("routing rule '" + targets.get(0) + "'");
        }
        String prefix = provider.getName() + "/";
        return em.createQuery("select r from RoutingRule r", RoutingRule.class).getResultStream()
                .filter(r -> r.getFallbacks().stream().anyMatch(f -> f.startsWith(prefix)))
                .findFirst()
                .map(r -> "the fallbacks of routing rule '" + r.getName() + "'");
    }

    public Optional<String> whoUses(ProviderKey key) {
        List<String> targets = em.createQuery("select t.rule.name from RoutingTarget t where t.keyId = :id",
                        String.class)
                .setParameter("id", key.getId()).setMaxResults(1).getResultList();
        if (!targets.isEmpty()) {
            return Optional.of("routing rule '" + targets.get(0) + "'");
        }
        String id = key.getId().toString();
        return em.createQuery("select c from VirtualKeyProviderConfig c where c.providerId = :id",
                        VirtualKeyProviderConfig.class)
                .setParameter("id", key.getProvider().getId()).getResultStream()
                .filter(c -> c.getKeyIds().contains(id))
                .findFirst()
                .map(c -> "virtual key '" + c.getVirtualKey().getName() + "'");
    }
}
