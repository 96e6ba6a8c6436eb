package io.iris.gateway.governance;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Timestamps;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Teams: create, read, replace, delete. A team still used by a key or rule cannot be deleted. */
@Stateless
public class TeamAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    GovernanceReferences references;

    public List<Team> list() {
        return em.createQuery("select t from Team t order by t.name", Team.class).getResultList();
    }

    public Team get(UUID id) {
        Team team = id == null ? null : em.find(Team.class, id);
        if (team == null) {
            throw NotFoundException.of("team", id);
        }
        return team;
    }

    public Team create(TeamSpec spec) {
        validate(spec, null);
        Team team = new Team();
        apply(team, spec);
        em.persist(team);
        Store.flush(em, "name", "a team with this name already exists");
        return team;
    }

    public Team replace(UUID id, TeamSpec spec) {
        Team team = get(id);
        validate(spec, team);
        apply(team, spec);
        team.touch();
        Store.flush(em, "name", "a team with this name already exists");
        return team;
    }

    public void delete(UUID id) {
        Team team = get(id);
        references.whoUsesTeam(id).ifPresent(user -> {
            throw new ConflictException(null, "team '" + team.getName() + "' is still used by " + user);
        });
        em.remove(team);
    }

    private void validate(TeamSpec spec, Team current) {
        Validation v = new Validation();
        v.name("name", spec.name());
        if (spec.customerId() != null) {
            v.check(em.find(Customer.class, spec.customerId()) != null, "customer_id", "no such customer");
        }
        Limits.validate(v, "", current, spec.budgets(), spec.rateLimit());
        v.throwIfInvalid();
        Store.findBy(em, Team.class, "name", spec.name())
                .filter(other -> current == null || !other.getId().equals(current.getId()))
                .ifPresent(other -> {
                    throw new ConflictException("name", "a team named '" + spec.name() + "' already exists");
                });
    }

    private static void apply(Team team, TeamSpec spec) {
        team.setName(spec.name());
        team.setCustomerId(spec.customerId());
        Limits.apply(team, spec.budgets(), spec.rateLimit(), Timestamps.now());
    }
}
