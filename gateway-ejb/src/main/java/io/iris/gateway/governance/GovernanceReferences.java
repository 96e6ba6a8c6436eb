package io.iris.gateway.governance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What still refers to a customer, team or virtual key, so that a delete never leaves a dangling reference. */
@ApplicationScoped
public class GovernanceReferences {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    public Optional<String> whoUsesCustomer(UUID id) {
        return first("select t.name from Team t where t.customerId = :id", id, "team")
                .or(() -> first("select k.name from VirtualKey k where k.customerId = :id", id, "virtual key"))
                .or(() -> scopedRule(id));
    }

    public Optional<String> whoUsesTeam(UUID id) {
        return first("select k.name from VirtualKey k where k.teamId = :id", id, "virtual key")
                .or(() -> scopedRule(id));
    }

    public Optional<String> whoUsesVirtualKey(UUID id) {
        return scopedRule(id);
    }

    private Optional<String> scopedRule(UUID id) {
        return first("select r.name from RoutingRule r where r.scopeId = :id", id, "routing rule");
    }

    private Optional<String> first(String query, UUID id, String kind) {
        List<String> names = em.createQuery(query, String.class).setParameter("id", id).setMaxResults(1)
                .getResultList();
        return names.stream().findFirst().map(name -> kind + " '" + name + "'");
    }
}
