package io.iris.gateway.snapshot;

import io.iris.gateway.config.GatewayConfigAdmin;
import io.iris.gateway.governance.Customer;
import io.iris.gateway.governance.ModelConfig;
import io.iris.gateway.governance.ModelFilter;
import io.iris.gateway.governance.Team;
import io.iris.gateway.governance.VirtualKey;
import io.iris.gateway.governance.VirtualKeyProviderConfig;
import io.iris.gateway.governance.accounting.LimitBook;
import io.iris.gateway.governance.accounting.LimitBooks;
import io.iris.gateway.governance.accounting.Price;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.providers.NetworkSettings;
import io.iris.gateway.providers.Provider;
import io.iris.gateway.providers.ProviderKey;
import io.iris.gateway.routing.CompiledRuleCache;
import io.iris.gateway.routing.RoutingRule;
import io.iris.gateway.routing.RoutingTable;
import io.iris.gateway.security.GatewaySecrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Reads the whole configuration in one transaction and turns it into a {@link GatewaySnapshot}. */
@Stateless
public class SnapshotLoader {
    private static final Logger LOG = Logger.getLogger(SnapshotLoader.class.getName());

    @PersistenceContext(unitName = "iris")
    EntityManager em;

    @Inject
    GatewaySecrets secrets;

    @Inject
    GatewayConfigAdmin config;

    @Inject
    CompiledRuleCache rules;

    public GatewaySnapshot load() {
        List<Provider> providers = em.createQuery("select p from Provider p order by p.name", Provider.class)
                .getResultList();
        Map<UUID, String> providerNames = providers.stream()
                .collect(Collectors.toMap(Provider::getId, Provider::getName));
        Map<String, ProviderRoute> routes = new LinkedHashMap<>();
        providers.forEach(p -> routes.put(p.getName(), route(p)));

        Map<UUID, Team> teams = all(Team.class).stream().collect(Collectors.toMap(Team::getId, Function.identity()));
        List<Customer> customerList = all(Customer.class);
        Map<UUID, String> customers = customerList.stream()
                .collect(Collectors.toMap(Customer::getId, Customer::getName));
        List<VirtualKey> virtualKeys = all(VirtualKey.class);
        Map<String, CallerGrant> callers = new HashMap<>();
        for (VirtualKey key : virtualKeys) {
            callers.put(key.getKeyHash(), grant(key, teams, customers, providerNames));
        }
        RoutingTable routing = rules.table(all(RoutingRule.class), providerNames);
        List<ModelConfig> modelConfigs = all(ModelConfig.class);
        LimitBook limits = LimitBooks.of(providers, modelConfigs, virtualKeys, teams.values(), customerList,
                providerNames);
        return new GatewaySnapshot(Collections.unmodifiableMap(routes), Map.copyOf(callers), config.get(), routing,
                limits, PriceBook.of(all(Price.class)));
    }

    private <T> List<T> all(Class<T> type) {
        return em.createQuery("select e from " + type.getSimpleName() + " e", type).getResultList();
    }

    private ProviderRoute route(Provider p) {
        NetworkSettings n = p.getNetwork();
        List<UpstreamKey> keys = p.getKeys().stream().map(k -> key(p, k)).flatMap(Optional::stream).toList();
        return new ProviderRoute(p.getId(), p.getName(), p.getType(), p.getBaseUrl(), p.getApiVersion(),
                p.getModels(), p.getModels().contains("*"),
                new ProviderRoute.Network(n.getConnectTimeoutMs(), n.getRequestTimeoutMs(),
                        n.getStreamIdleTimeoutMs(), n.getMaxRetries(), n.getRetryBackoffInitialMs(),
                        n.getRetryBackoffMaxMs()),
                keys);
    }

    /**
     * The key with its value decrypted; empty, and logged, when the secret key in use cannot decrypt it. A key
     * without a value is never sent upstream: it is left out.
     */
    private Optional<UpstreamKey> key(Provider provider, ProviderKey k) {
        try {
            String value = k.getValueEncrypted() == null ? "" : secrets.cipher().decrypt(k.getValueEncrypted());
            if (value.isBlank()) {
                LOG.warning(() -> "key '" + k.getName() + "' of provider '" + provider.getName() + "' has no value "
                        + "and is left out; write its value again");
                return Optional.empty();
            }
            return Optional.of(new UpstreamKey(k.getId(), k.getName(), value, k.getWeight(),
                    ModelFilter.of(k.getModels()), k.isEnabled()));
        } catch (IllegalStateException wrongSecretKey) {
            LOG.warning(() -> "key '" + k.getName() + "' of provider '" + provider.getName() + "' cannot be "
                    + "decrypted with the current IRIS_SECRET_KEY and is left out; write its value again");
            return Optional.empty();
        }
    }

    private static CallerGrant grant(VirtualKey key, Map<UUID, Team> teams, Map<UUID, String> customers,
                                     Map<UUID, String> providerNames) {
        Team team = key.getTeamId() == null ? null : teams.get(key.getTeamId());
        UUID customerId = key.getCustomerId() != null ? key.getCustomerId()
                : team == null ? null : team.getCustomerId();
        List<CallerGrant.ProviderGrant> grants = key.getProviderConfigs().stream()
                .map(c -> providerGrant(c, providerNames)).toList();
        return new CallerGrant(key.getId(), key.getName(), key.isActive(), key.getExpiresAt(),
                team == null ? null : team.getId(), team == null ? "" : team.getName(), customerId,
                customerId == null ? "" : customers.getOrDefault(customerId, ""), key.isAllowAllProviders(), grants);
    }

    private static CallerGrant.ProviderGrant providerGrant(VirtualKeyProviderConfig c, Map<UUID, String> names) {
        return new CallerGrant.ProviderGrant(names.get(c.getProviderId()), c.getWeight(),
                ModelFilter.of(c.getAllowedModels()),
                c.getBlockedModels().isEmpty() ? ModelFilter.NONE : ModelFilter.blocking(c.getBlockedModels()),
                c.getKeyIds().stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet()));
    }
}
