package io.iris.gateway.providers;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Validation;
import io.iris.gateway.persistence.Store;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** The keys of one provider as a resource of their own: add, replace, delete one key at a time. */
@Stateless
public class ProviderKeyAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    ProviderAdmin providers;

    @Inject
    ProviderKeyWriter writer;

    @Inject
    ProviderReferences references;

    public ProviderKey get(String providerName, UUID keyId) {
        return providers.get(providerName).getKeys().stream()
                .filter(k -> k.getId().equals(keyId))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("key", keyId));
    }

    public ProviderKey add(String providerName, ProviderKeySpec spec) {
        Provider provider = providers.get(providerName);
        Validation v = new Validation();
        v.check(spec.id() == null, "id", "is assigned by the gateway");
        writer.validateOne(v, "", spec, false);
        v.check(v.hasErrors() || provider.getKeys().size() < ProviderKeyWriter.MAX_KEYS, "keys",
                "a provider has at most " + ProviderKeyWriter.MAX_KEYS + " keys");
        v.throwIfInvalid();
        requireUniqueName(provider, spec.name(), null);
        ProviderKey key = new ProviderKey(provider);
        writer.apply(key, spec, provider.getKeys().size());
        provider.getKeys().add(key);
        provider.touch();
        Store.flush(em, "name", "a key with this name already exists");
        return key;
    }

    public ProviderKey replace(String providerName, UUID keyId, ProviderKeySpec spec) {
        ProviderKey key = get(providerName, keyId);
        Validation v = new Validation();
        v.check(spec.id() == null || spec.id().equals(keyId), "id", "does not match the key in the path");
        writer.validateOne(v, "", spec, true);
        v.throwIfInvalid();
        requireUniqueName(key.getProvider(), spec.name(), keyId);
        writer.apply(key, spec, key.getPosition());
        key.touch();
        Store.flush(em, "name", "a key with this name already exists");
        return key;
    }

    public void delete(String providerName, UUID keyId) {
        ProviderKey key = get(providerName, keyId);
        references.whoUses(key).ifPresent(user -> {
            throw new ConflictException(null, "key '" + key.getName() + "' is still used by " + user);
        });
        key.getProvider().getKeys().remove(key);
        key.getProvider().touch();
    }

    private static void requireUniqueName(Provider provider, String name, UUID except) {
        boolean taken = provider.getKeys().stream()
                .anyMatch(k -> k.getName().equals(name) && !k.getId().equals(except));
        if (taken) {
            throw new ConflictException("name", "provider '" + provider.getName() + "' already has a key named '"
                    + name + "'");
        }
    }
}
