package io.iris.gateway.observability;

import io.iris.gateway.governance.accounting.CounterKey;
import io.iris.gateway.governance.accounting.CounterSpec;
import io.iris.gateway.governance.accounting.CounterStore;
import io.iris.gateway.governance.accounting.LiveCounter;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealthRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges over live state, read when {@code /metrics} is scraped: the health of every provider key
 * ({@code iris_target_health}: its health factor, 0 while its circuit is open or it is disabled), and the usage
 * and limit of every budget and rate limit. {@link #sync} registers gauges for keys and limits that appeared and
 * removes those of keys and limits that went; it runs off the request path, once a second.
 */
@ApplicationScoped
public class LiveGauges {
    @Inject
    MetricRegistry registry;

    @Inject
    KeyHealthRegistry health;

    private Set<MetricID> registered = Set.of();

    public synchronized void sync(GatewaySnapshot snapshot, CounterStore counters) {
        Set<MetricID> wanted = new HashSet<>();
        for (ProviderRoute provider : snapshot.providersInOrder()) {
            for (UpstreamKey key : provider.keys()) {
                gauge(wanted, "iris_target_health", "Health of a provider key: its health factor (1 healthy), 0"
                        + " while its circuit is open or the key is disabled", () -> keyHealth(key),
                        new Tag("provider", provider.name()), new Tag("key", key.name()));
            }
        }
        for (CounterSpec spec : snapshot.limits().specs()) {
            CounterKey key = spec.key();
            String description = snapshot.limits().describe(key);
            if (key.kind() == CounterKey.Kind.BUDGET) {
                Tag[] tags = {new Tag("budget_id", key.limitId().toString()), new Tag("limit", description)};
                gauge(wanted, "iris_budget_usage_usd", "Spend in the budget's current window, in US dollars",
                        () -> used(counters, key) / 1_000_000.0, tags);
                gauge(wanted, "iris_budget_limit_usd", "The budget's limit, in US dollars",
                        () -> limit(counters, key) / 1_000_000.0, tags);
            } else {
                Tag[] tags = {new Tag("rate_limit_id", key.limitId().toString()),
                        new Tag("kind", key.kind() == CounterKey.Kind.REQUESTS ? "requests" : "tokens"),
                        new Tag("limit", description)};
                gauge(wanted, "iris_rate_limit_usage", "Requests or tokens used in the rate limit's current window",
                        () -> (double) used(counters, key), tags);
                gauge(wanted, "iris_rate_limit_max", "The rate limit's maximum per window",
                        () -> (double) limit(counters, key), tags);
            }
        }
        for (MetricID gone : registered) {
            if (!wanted.contains(gone)) {
                registry.remove(gone);
            }
        }
        registered = Set.copyOf(wanted);
    }

    private double keyHealth(UpstreamKey key) {
        boolean available = key.enabled() && health.of(key.id()).available(Instant.now());
        return available ? health.weights().factor(key.id()) : 0.0;
    }

    private static long used(CounterStore counters, CounterKey key) {
        return counters.counter(key).map(counter -> counter.used(Instant.now())).orElse(0L);
    }

    private static long limit(CounterStore counters, CounterKey key) {
        return counters.counter(key).map(LiveCounter::limit).orElse(0L);
    }

    private void gauge(Set<MetricID> wanted, String name, String description, Supplier<Double> value,
                       Tag... tags) {
        MetricID id = new MetricID(name, tags);
        wanted.add(id);
        if (!registered.contains(id)) {
            registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
        }
    }
}
