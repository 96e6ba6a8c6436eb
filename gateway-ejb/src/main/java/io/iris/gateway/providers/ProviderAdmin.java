package io.iris.gateway.providers;

import io.iris.gateway.common.ConflictException;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.common.Timestamps;
import io.iris.gateway.common.Validation;
import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.config.GatewayConfigAdmin;
import io.iris.gateway.egress.EgressPolicy;
import io.iris.gateway.governance.Limits;
import io.iris.gateway.persistence.Store;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates, reads, replaces and deletes providers. Every write is validated whole before anything changes. */
@Stateless
public class ProviderAdmin {
    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    ProviderKeyWriter keyWriter;

    @Inject
    ProviderReferences references;

    @Inject
    GatewayConfigAdmin config;

    public List<Provider> list() {
        return em.createQuery("select p from Provider p order by p.name", Provider.class).getResultList();
    }

    public Provider get(String name) {
        return find(name).orElseThrow(() -> NotFoundException.of("provider", name));
    }

    public Optional<Provider> find(String name) {
        return Store.findBy(em, Provider.class, "name", name);
    }

    public Map<UUID, String> namesById() {
        return list().stream().collect(Collectors.toMap(Provider::getId, Provider::getName));
    }

    public Map<String, Provider> byName() {
        return list().stream().collect(Collectors.toMap(Provider::getName, Function.identity()));
    }

    public Provider create(ProviderSpec spec) {
        Validation v = new Validation();
        ProviderValidation.validateName(v, spec.name());
        validateBody(v, spec, null);
        v.throwIfInvalid();
        if (find(spec.name()).isPresent()) {
            throw new ConflictException("name", "a provider named '" + spec.name() + "' already exists");
        }
        Provider provider = new Provider(spec.name());
        apply(provider, spec);
        em.persist(provider);
        Store.flush(em, "name", "a provider with this name already exists");
        return provider;
    }

    public Provider replace(String name, ProviderSpec requested) {
        Provider provider = get(name);
        Validation v = new Validation();
        v.check(requested.name() == null || requested.name().equals(name), "name",
                "cannot be changed: create a new provider instead");
        validateBody(v, requested, provider);
        v.throwIfInvalid();
        // Validated as sent, so that errors name the request's own positions; applied without the keys it drops.
        ProviderSpec spec = BaseUrlMove.withKeysForItsHost(provider.getBaseUrl(), requested);
        if (spec.keys() != null) {
            for (ProviderKey dropped : keyWriter.droppedBy(provider, spec.keys())) {
                references.whoUses(dropped).ifPresent(user -> {
                    throw new ConflictException("keys", "key '" + dropped.getName() + "' is still used by " + user);
                });
            }
        }
        apply(provider, spec);
        provider.touch();
        Store.flush(em, "keys", "key names must be unique within a provider");
        return provider;
    }

    public void delete(String name) {
        Provider provider = get(name);
        references.whoUses(provider).ifPresent(user -> {
            throw new ConflictException(null, "provider '" + name + "' is still used by " + user);
        });
        em.remove(provider);
    }

    private void validateBody(Validation v, ProviderSpec spec, Provider current) {
        ProviderValidation.validate(v, spec, egressPolicy());
        if (spec.keys() != null) {
            keyWriter.validateAll(v, current, spec.keys());
        }
        Limits.validate(v, "", current, spec.budgets(), spec.rateLimit());
    }

    /**
     * The policy of the stored host lists. A change of the lists does not check existing providers again: their
     * calls are checked when they connect.
     */
    private EgressPolicy egressPolicy() {
        GatewayConfig settings = config.get();
        return EgressPolicy.from(settings.providerHostsAllowed(), settings.providerHostsDenied());
    }

    private void apply(Provider provider, ProviderSpec spec) {
        Instant now = Timestamps.now();
        provider.setType(ProviderType.fromWireName(spec.type()).orElseThrow());
        provider.setBaseUrl(spec.baseUrl());
        provider.setApiVersion(spec.apiVersion());
        provider.setModels(spec.models() == null ? List.of() : spec.models());
        provider.setNetwork(spec.network() == null ? new NetworkSettings() : spec.network());
        if (spec.keys() != null) {
            keyWriter.replaceAll(provider, spec.keys());
        }
        Limits.apply(provider, spec.budgets(), spec.rateLimit(), now);
    }
}
