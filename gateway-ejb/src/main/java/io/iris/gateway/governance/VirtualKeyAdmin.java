package io.iris.gateway.governance;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Timestamps;
import io.iris.gateway.persistence.Store;
import io.iris.gateway.security.VirtualKeyValues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Virtual keys: create (the one time the value is returned), read, replace, delete. */
@Stateless
public class VirtualKeyAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    VirtualKeyValidation validation;

    @Inject
    GovernanceReferences references;

    public List<VirtualKey> list() {
        return em.createQuery("select k from VirtualKey k order by k.name", VirtualKey.class).getResultList();
    }

    public VirtualKey get(UUID id) {
        VirtualKey key = id == null ? null : em.find(VirtualKey.class, id);
        if (key == null) {
            throw NotFoundException.of("virtual key", id);
        }
        return key;
    }

    /** The key whose value is {@code value}, looked up by hash. */
    public Optional<VirtualKey> findByValue(String value) {
        return Store.findBy(em, VirtualKey.class, "keyHash", VirtualKeyValues.hash(value));
    }

    public CreatedVirtualKey create(VirtualKeySpec spec) {
        Map<String, UUID> providerIds = validation.validate(spec, null);
        String value = VirtualKeyValues.generate();
        VirtualKey key = new VirtualKey(VirtualKeyValues.hash(value), VirtualKeyValues.hint(value));
        apply(key, spec, providerIds);
        em.persist(key);
        Store.flush(em, "name", "a virtual key with this name already exists");
        return new CreatedVirtualKey(key, value);
    }

    public VirtualKey replace(UUID id, VirtualKeySpec spec) {
        VirtualKey key = get(id);
        Map<String, UUID> providerIds = validation.validate(spec, key);
        apply(key, spec, providerIds);
        key.touch();
        Store.flush(em, "name", "a virtual key with this name already exists");
        return key;
    }

    public void delete(UUID id) {
        VirtualKey key = get(id);
        references.whoUsesVirtualKey(id).ifPresent(user -> {
            throw new ConflictException(null, "virtual key '" + key.getName() + "' is still used by " + user);
        });
        em.remove(key);
    }

    private static void apply(VirtualKey key, VirtualKeySpec spec, Map<String, UUID> providerIds) {
        Instant now = Timestamps.now();
        key.setName(spec.name());
        key.setTeamId(spec.teamId());
        key.setCustomerId(spec.customerId());
        key.setActive(spec.isActive() == null || spec.isActive());
        key.setExpiresAt(spec.expiresAt());
        key.setAllowAllProviders(spec.allowAllProviders() != null ? spec.allowAllProviders()
                : spec.providerConfigs().isEmpty());
        Limits.apply(key, spec.budgets(), spec.rateLimit(), now);

        Map<UUID, VirtualKeyProviderConfig> existing = key.getProviderConfigs().stream()
                .collect(Collectors.toMap(VirtualKeyProviderConfig::getProviderId, Function.identity()));
        List<VirtualKeyProviderConfig> next = new ArrayList<>();
        for (int i = 0; i < spec.providerConfigs().size(); i++) {
            VirtualKeySpec.ProviderConfigSpec configSpec = spec.providerConfigs().get(i);
            UUID providerId = providerIds.get(configSpec.provider());
            VirtualKeyProviderConfig config = existing.get(providerId);
            if (config == null) {
                config = new VirtualKeyProviderConfig(key, providerId);
            }
            config.setPosition(i);
            config.setWeight(configSpec.weight() == null ? 1.0 : configSpec.weight());
            config.setAllowedModels(configSpec.allowedModels() == null ? List.of("*") : configSpec.allowedModels());
            config.setBlockedModels(configSpec.blockedModels() == null ? List.of() : configSpec.blockedModels());
            config.setKeyIds(configSpec.keyIds() == null ? List.of() : configSpec.keyIds());
            Limits.apply(config, configSpec.budgets(), configSpec.rateLimit(), now);
            next.add(config);
        }
        key.getProviderConfigs().clear();
        key.getProviderConfigs().addAll(next);
    }
}
