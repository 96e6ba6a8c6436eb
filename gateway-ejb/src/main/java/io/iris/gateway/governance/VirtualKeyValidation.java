package io.iris.gateway.governance;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderAdmin;
import io.iris.gateway.providers.ProviderKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Validates a whole virtual key write, including its references to teams, customers, providers and keys. */
@ApplicationScoped
public class VirtualKeyValidation {
    static final int MAX_PROVIDER_CONFIGS = 100;

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    ProviderAdmin providers;

    /**
     * @param current the key being replaced, or null on create
     * @return the id of every provider named in the provider configs, by name
     */
    public Map<String, UUID> validate(VirtualKeySpec spec, VirtualKey current) {
        Validation v = new Validation();
        v.name("name", spec.name());
        if (spec.teamId() != null && spec.customerId() != null) {
            v.reject("customer_id", "a virtual key belongs to a team or to a customer, not both");
        }
        if (spec.teamId() != null) {
            v.check(em.find(Team.class, spec.teamId()) != null, "team_id", "no such team");
        }
        if (spec.customerId() != null) {
            v.check(em.find(Customer.class, spec.customerId()) != null, "customer_id", "no such customer");
        }
        Limits.validate(v, "", current, spec.budgets(), spec.rateLimit());
        Map<String, UUID> providerIds = validateProviderConfigs(v, spec.providerConfigs(), current);
        v.throwIfInvalid();
        Store.findBy(em, VirtualKey.class, "name", spec.name())
                .filter(other -> current == null || !other.getId().equals(current.getId()))
                .ifPresent(other -> {
                    throw new ConflictException("name", "a virtual key named '" + spec.name() + "' already exists");
                });
        return providerIds;
    }

    private Map<String, UUID> validateProviderConfigs(Validation v, List<VirtualKeySpec.ProviderConfigSpec> configs,
                                                      VirtualKey current) {
        v.check(configs.size() <= MAX_PROVIDER_CONFIGS, "provider_configs",
                "must have at most " + MAX_PROVIDER_CONFIGS + " entries");
        Map<String, UUID> ids = new HashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            VirtualKeySpec.ProviderConfigSpec config = configs.get(i);
            String prefix = "provider_configs[" + i + "].";
            Optional<Provider> provider = config.provider() == null ? Optional.empty()
                    : providers.find(config.provider());
            if (config.provider() == null) {
                v.reject(prefix + "provider", "is required");
            } else if (provider.isEmpty()) {
                v.reject(prefix + "provider", "no such provider");
            } else if (ids.putIfAbsent(config.provider(), provider.get().getId()) != null) {
                v.reject(prefix + "provider", "appears twice in provider_configs");
            }
            if (config.weight() != null) {
                v.check(Double.isFinite(config.weight()) && config.weight() >= 0, prefix + "weight",
                        "must be a finite number of at least 0");
            }
            ModelPatterns.validate(v, prefix + "allowed_models", config.allowedModels());
            ModelPatterns.validate(v, prefix + "blocked_models", config.blockedModels());
            provider.ifPresent(p -> validateKeyIds(v, prefix + "key_ids", config.keyIds(), p));
            VirtualKeyProviderConfig existing = current == null ? null : provider.flatMap(p ->
                    current.getProviderConfigs().stream().filter(c -> c.getProviderId().equals(p.getId()))
                            .findFirst()).orElse(null);
            Limits.validate(v, prefix, existing, config.budgets(), config.rateLimit());
        }
        return ids;
    }

    private static void validateKeyIds(Validation v, String field, List<String> keyIds, Provider provider) {
        if (keyIds == null) {
            return;
        }
        Set<String> known = provider.getKeys().stream().map(ProviderKey::getId).map(UUID::toString)
                .collect(Collectors.toSet());
        for (int i = 0; i < keyIds.size(); i++) {
            v.check(keyIds.get(i) != null && known.contains(keyIds.get(i)), field + "[" + i + "]",
                    "is not a key of provider '" + provider.getName() + "'");
        }
    }
}
