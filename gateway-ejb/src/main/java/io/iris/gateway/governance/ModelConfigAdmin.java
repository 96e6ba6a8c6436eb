package io.iris.gateway.governance;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Timestamps;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderAdmin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Model configs: budgets and rate limits on a model, at one provider or at any. */
@Stateless
public class ModelConfigAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    ProviderAdmin providers;

    public List<ModelConfig> list() {
        return em.createQuery("select m from ModelConfig m order by m.name", ModelConfig.class).getResultList();
    }

    public ModelConfig get(UUID id) {
        ModelConfig config = id == null ? null : em.find(ModelConfig.class, id);
        if (config == null) {
            throw NotFoundException.of("model config", id);
        }
        return config;
    }

    public ModelConfig create(ModelConfigSpec spec) {
        Optional<Provider> provider = validate(spec, null);
        ModelConfig config = new ModelConfig();
        apply(config, spec, provider);
        em.persist(config);
        Store.flush(em, "name", "a model config with this name already exists");
        return config;
    }

    public ModelConfig replace(UUID id, ModelConfigSpec spec) {
        ModelConfig config = get(id);
        Optional<Provider> provider = validate(spec, config);
        apply(config, spec, provider);
        config.touch();
        Store.flush(em, "name", "a model config with this name already exists");
        return config;
    }

    public void delete(UUID id) {
        em.remove(get(id));
    }

    private Optional<Provider> validate(ModelConfigSpec spec, ModelConfig current) {
        Validation v = new Validation();
        v.name("name", spec.name());
        v.name("model", spec.model());
        Optional<Provider> provider = spec.provider() == null ? Optional.empty() : providers.find(spec.provider());
        v.check(spec.provider() == null || provider.isPresent(), "provider", "no such provider");
        Limits.validate(v, "", current, spec.budgets(), spec.rateLimit());
        v.throwIfInvalid();
        Store.findBy(em, ModelConfig.class, "name", spec.name())
                .filter(other -> current == null || !other.getId().equals(current.getId()))
                .ifPresent(other -> {
                    throw new ConflictException("name", "a model config named '" + spec.name() + "' already exists");
                });
        return provider;
    }

    private static void apply(ModelConfig config, ModelConfigSpec spec, Optional<Provider> provider) {
        config.setName(spec.name());
        config.setModel(spec.model());
        config.setProviderId(provider.map(Provider::getId).orElse(null));
        Limits.apply(config, spec.budgets(), spec.rateLimit(), Timestamps.now());
    }
}
