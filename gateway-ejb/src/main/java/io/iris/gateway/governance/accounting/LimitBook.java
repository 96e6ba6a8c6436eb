package io.iris.gateway.governance.accounting;

import io.iris.gateway.routing.CallerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which live counters guard each place on a request's path, and what each counter is, for the configuration of
 * one snapshot. Keys as in the keys below. Immutable.
 *
 * @param providers          counters of each provider's budgets and rate limit, by provider name
 * @param models             of model configs, by {@link #modelKey(String, String)}
 * @param keyProviderConfigs of virtual-key provider configs, by {@link #keyProviderKey(String, String)}
 * @param virtualKeys        by virtual key id
 * @param teams              by team id
 * @param customers          by customer id
 * @param specs              every counter with its limit and stored usage, for {@link CounterStore#sync}
 * @param descriptions       what each counter limits, for error messages ("the daily budget of team 'research'")
 */
public record LimitBook(Map<String, List<CounterKey>> providers, Map<String, List<CounterKey>> models,
                        Map<String, List<CounterKey>> keyProviderConfigs, Map<String, List<CounterKey>> virtualKeys,
                        Map<String, List<CounterKey>> teams, Map<String, List<CounterKey>> customers,
                        List<CounterSpec> specs, Map<CounterKey, String> descriptions) {
    public static final LimitBook EMPTY = new LimitBook(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            List.of(), Map.of());

    public LimitBook {
        providers = Map.copyOf(providers);
        models = Map.copyOf(models);
        keyProviderConfigs = Map.copyOf(keyProviderConfigs);
        virtualKeys = Map.copyOf(virtualKeys);
        teams = Map.copyOf(teams);
        customers = Map.copyOf(customers);
        specs = List.copyOf(specs);
        descriptions = Map.copyOf(descriptions);
    }

    static List<CounterKey> in(Map<String, List<CounterKey>> holders, String key) {
        return key.isEmpty() ? List.of() : holders.getOrDefault(key, List.of());
    }

    /** The counters of the caller's own limits: its virtual key, team and customer. */
    public List<CounterKey> callersOwn(CallerIdentity caller) {
        List<CounterKey> keys = new ArrayList<>(in(virtualKeys, caller.virtualKeyId()));
        keys.addAll(in(teams, caller.teamId()));
        keys.addAll(in(customers, caller.customerId()));
        return keys;
    }

    /**
     * The counters of a target's limits for this caller: model config for the model at the provider, for the
     * model at any provider, the provider, and the caller's config for that provider.
     */
    public List<CounterKey> targets(CallerIdentity caller, String provider, String model) {
        List<CounterKey> keys = new ArrayList<>(in(models, modelKey(model, provider)));
        keys.addAll(in(models, modelKey(model, "")));
        keys.addAll(in(providers, provider));
        if (!caller.virtualKeyId().isEmpty()) {
            keys.addAll(in(keyProviderConfigs, keyProviderKey(caller.virtualKeyId(), provider)));
        }
        return keys;
    }

    /**
     * Whether any budget is on a call's path: the caller's own, or the target's (model configs, provider, the
     * caller's config for that provider). Rate limits do not count: they spend no money.
     */
    public boolean anyBudget(CallerIdentity caller, String provider, String model) {
        return callersOwn(caller).stream().anyMatch(LimitBook::isBudget)
                || targets(caller, provider, model).stream().anyMatch(LimitBook::isBudget);
    }

    private static boolean isBudget(CounterKey key) {
        return key.kind() == CounterKey.Kind.BUDGET;
    }

    public static String modelKey(String model, String provider) {
        return provider + '\u0000' + model;
    }

    public static String keyProviderKey(String virtualKeyId, String provider) {
        return virtualKeyId + '\u0000' + provider;
    }

    public String describe(CounterKey key) {
        return descriptions.getOrDefault(key, "a limit");
    }
}
