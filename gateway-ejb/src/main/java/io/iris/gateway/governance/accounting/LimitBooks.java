package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.Budget;
import io.iris.gateway.governance.Customer;
import io.iris.gateway.governance.LimitHolder;
import io.iris.gateway.governance.ModelConfig;
import io.iris.gateway.governance.RateLimit;
import io.iris.gateway.governance.ResetPeriod;
import io.iris.gateway.governance.Team;
import io.iris.gateway.governance.VirtualKey;
import io.iris.gateway.governance.VirtualKeyProviderConfig;
import io.iris.gateway.providers.Provider;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds a {@link LimitBook} from the entities read for a snapshot. Not thread-safe; use once. */
public final class LimitBooks {
    private final Map<String, List<CounterKey>> providers = new HashMap<>();
    private final Map<String, List<CounterKey>> models = new HashMap<>();
    private final Map<String, List<CounterKey>> keyProviderConfigs = new HashMap<>();
    private final Map<String, List<CounterKey>> virtualKeys = new HashMap<>();
    private final Map<String, List<CounterKey>> teams = new HashMap<>();
    private final Map<String, List<CounterKey>> customers = new HashMap<>();
    private final List<CounterSpec> specs = new ArrayList<>();
    private final Map<CounterKey, String> descriptions = new HashMap<>();

    private LimitBooks() {
    }

    public static LimitBook of(Collection<Provider> providerList, Collection<ModelConfig> modelList,
                               Collection<VirtualKey> keyList, Collection<Team> teamList,
                               Collection<Customer> customerList, Map<UUID, String> providerNames) {
        LimitBooks book = new LimitBooks();
        providerList.forEach(p -> book.add(book.providers, p.getName(), p, "provider '" + p.getName() + "'"));
        for (ModelConfig model : modelList) {
            String provider = model.getProviderId() == null ? "" : providerNames.get(model.getProviderId());
            if (provider != null) {
                book.add(book.models, LimitBook.modelKey(model.getModel(), provider), model,
                        "model config '" + model.getName() + "'");
            }
        }
        for (VirtualKey key : keyList) {
            String id = key.getId().toString();
            book.add(book.virtualKeys, id, key, "virtual key '" + key.getName() + "'");
            for (VirtualKeyProviderConfig config : key.getProviderConfigs()) {
                String provider = providerNames.get(config.getProviderId());
                if (provider != null) {
                    book.add(book.keyProviderConfigs, LimitBook.keyProviderKey(id, provider), config,
                            "provider config '" + provider + "' of virtual key '" + key.getName() + "'");
                }
            }
        }
        teamList.forEach(t -> book.add(book.teams, t.getId().toString(), t, "team '" + t.getName() + "'"));
        customerList.forEach(c -> book.add(book.customers, c.getId().toString(), c,
                "customer '" + c.getName() + "'"));
        return new LimitBook(book.providers, book.models, book.keyProviderConfigs, book.virtualKeys, book.teams,
                book.customers, book.specs, book.descriptions);
    }

    private void add(Map<String, List<CounterKey>> place, String key, LimitHolder holder, String owner) {
        List<CounterKey> keys = new ArrayList<>();
        for (Budget budget : holder.getBudgets()) {
            ResetPeriod.parse(budget.getResetDuration()).ifPresent(period -> {
                CounterKey counter = new CounterKey(budget.getId(), CounterKey.Kind.BUDGET);
                specs.add(new CounterSpec(counter, Money.micros(budget.getMaxLimit()), period,
                        budget.isCalendarAligned(), Money.micros(budget.getCurrentUsage()),
                        start(budget.getLastReset())));
                descriptions.put(counter, "the budget of " + owner + " (" + budget.getMaxLimit()
                        .setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD per "
                        + budget.getResetDuration() + ")");
                keys.add(counter);
            });
        }
        RateLimit rate = holder.getRateLimit();
        if (rate != null) {
            counter(rate.getId(), CounterKey.Kind.REQUESTS, rate.getRequestMaxLimit(), rate.getRequestResetDuration(),
                    rate.getRequestCurrentUsage(), rate.getRequestLastReset(), "the request limit of " + owner, keys);
            counter(rate.getId(), CounterKey.Kind.TOKENS, rate.getTokenMaxLimit(), rate.getTokenResetDuration(),
                    rate.getTokenCurrentUsage(), rate.getTokenLastReset(), "the token limit of " + owner, keys);
        }
        if (!keys.isEmpty()) {
            place.merge(key, List.copyOf(keys), (a, b) -> {
                List<CounterKey> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
    }

    private void counter(UUID id, CounterKey.Kind kind, Long limit, String resetDuration, long used,
                         Instant lastReset, String description, List<CounterKey> keys) {
        Optional<ResetPeriod> period = ResetPeriod.parse(resetDuration);
        if (limit == null || period.isEmpty()) {
            return;
        }
        CounterKey counter = new CounterKey(id, kind);
        specs.add(new CounterSpec(counter, limit, period.get(), false, used, start(lastReset)));
        descriptions.put(counter, description + " (" + limit + " per " + resetDuration + ")");
        keys.add(counter);
    }

    private static Instant start(Instant lastReset) {
        return lastReset == null ? Instant.EPOCH : lastReset;
    }
}
