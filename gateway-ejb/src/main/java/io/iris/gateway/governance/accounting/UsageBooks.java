package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.Customer;
import io.iris.gateway.governance.LimitHolder;
import io.iris.gateway.governance.ModelConfig;
import io.iris.gateway.governance.Team;
import io.iris.gateway.governance.VirtualKey;
import io.iris.gateway.governance.VirtualKeyProviderConfig;
import io.iris.gateway.providers.Provider;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds a {@link UsageBook} from the entities read for a snapshot. Stateless. */
public final class UsageBooks {
    private UsageBooks() {
    }

    public static UsageBook of(Collection<Provider> providers, Collection<ModelConfig> models,
                               Collection<VirtualKey> virtualKeys, Collection<Team> teams,
                               Collection<Customer> customers, Map<UUID, String> providerNames) {
        Map<String, LimitUsage> byProvider = new HashMap<>();
        providers.forEach(p -> put(byProvider, p.getName(), p));
        Map<String, LimitUsage> byModel = new HashMap<>();
        for (ModelConfig model : models) {
            String provider = model.getProviderId() == null ? "" : providerNames.get(model.getProviderId());
            if (provider != null) {
                put(byModel, UsageBook.modelKey(model.getModel(), provider), model);
            }
        }
        Map<String, LimitUsage> byKeyProvider = new HashMap<>();
        Map<String, LimitUsage> byKey = new HashMap<>();
        for (VirtualKey key : virtualKeys) {
            put(byKey, key.getId().toString(), key);
            for (VirtualKeyProviderConfig config : key.getProviderConfigs()) {
                String provider = providerNames.get(config.getProviderId());
                if (provider != null) {
                    put(byKeyProvider, UsageBook.keyProviderKey(key.getId().toString(), provider), config);
                }
            }
        }
        Map<String, LimitUsage> byTeam = new HashMap<>();
        teams.forEach(t -> put(byTeam, t.getId().toString(), t));
        Map<String, LimitUsage> byCustomer = new HashMap<>();
        customers.forEach(c -> put(byCustomer, c.getId().toString(), c));
        return new UsageBook(byProvider, byModel, byKeyProvider, byKey, byTeam, byCustomer);
    }

    private static void put(Map<String, LimitUsage> book, String key, LimitHolder holder) {
        LimitUsage usage = LimitUsage.of(holder);
        if (usage != LimitUsage.NONE) {
            book.merge(key, usage, LimitUsage::and);
        }
    }
}
