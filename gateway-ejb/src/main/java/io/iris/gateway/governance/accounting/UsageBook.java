package io.iris.gateway.governance.accounting;

import java.util.Map;

/**
 * Every holder's {@link LimitUsage}, keyed the way routing looks them up. Holders without limits are left out.
 * Immutable; part of the configuration snapshot.
 *
 * @param providers         by provider name
 * @param models            model configs by {@link #modelKey(String, String)} (provider {@code ""}: model only)
 * @param keyProviderConfigs virtual-key provider configs by {@link #keyProviderKey(String, String)}
 * @param virtualKeys       by virtual key id
 * @param teams             by team id
 * @param customers         by customer id
 */
public record UsageBook(Map<String, LimitUsage> providers, Map<String, LimitUsage> models,
                        Map<String, LimitUsage> keyProviderConfigs, Map<String, LimitUsage> virtualKeys,
                        Map<String, LimitUsage> teams, Map<String, LimitUsage> customers) {
    public static final UsageBook EMPTY = new UsageBook(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public UsageBook {
        providers = Map.copyOf(providers);
        models = Map.copyOf(models);
        keyProviderConfigs = Map.copyOf(keyProviderConfigs);
        virtualKeys = Map.copyOf(virtualKeys);
        teams = Map.copyOf(teams);
        customers = Map.copyOf(customers);
    }

    public static String modelKey(String model, String provider) {
        return provider + '\u0000' + model;
    }

    public static String keyProviderKey(String virtualKeyId, String provider) {
        return virtualKeyId + '\u0000' + provider;
    }

    static LimitUsage in(Map<String, LimitUsage> holders, String key) {
        return key.isEmpty() ? LimitUsage.NONE : holders.getOrDefault(key, LimitUsage.NONE);
    }
}
