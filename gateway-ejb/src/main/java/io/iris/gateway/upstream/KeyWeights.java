package io.iris.gateway.upstream;

import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Effective key weights from live health, recomputed off the request path (every second) and read by key
 * selection. A key keeps its configured weight while it is as healthy as its peers; its weight shrinks with its
 * error rate, with how much slower than the provider's median key it is, and as it nears its upstream rate limit,
 * never below {@link #FLOOR} of the configured weight, so it keeps getting the occasional request that shows it
 * has recovered. Weights are relative, so what a degraded key loses goes to its healthy peers in proportion to
 * their own weights: a healthy key never takes more than its share unless a peer degrades. An open circuit is handled by selection itself.
 *
 * <p>A provider's factor, which scales the weight of every routing-rule target that sends traffic to it, is the
 * share of its configured key weight that is still effective: 1 while all its keys are healthy, 0 when every key's
 * circuit is open or disabled. A provider without keys counts as healthy. Thread-safe: the tables are replaced
 * whole.
 */
public final class KeyWeights {
    static final double FLOOR = 0.05;
    /** Samples a key needs before its latency counts against it. */
    static final long MIN_SAMPLES = 5;
    /**
     * Below this share of its upstream rate limit left (from the provider's rate-limit headers), a key's weight
     * shrinks in proportion, so traffic moves to keys with room before this one starts answering 429.
     */
    static final double LOW_HEADROOM = 0.1;

    private record Factors(Map<UUID, Double> byKey, Map<String, Double> byProvider) {
    }

    private volatile Factors factors = new Factors(Map.of(), Map.of());

    /** The weight to use now for {@code key}: its configured weight times its health factor. */
    public double effective(UpstreamKey key) {
        return key.weight() * factor(key.id());
    }

    public double factor(UUID keyId) {
        return factors.byKey().getOrDefault(keyId, 1.0);
    }

    /** The health of a provider as a whole, in [0, 1]; 1 for a provider not seen yet. */
    public double providerFactor(String provider) {
        return factors.byProvider().getOrDefault(provider, 1.0);
    }

    /** Works the factors out again from the health of every provider's keys. */
    public void recompute(Collection<ProviderRoute> providers, KeyHealthRegistry health, Instant now) {
        Map<UUID, Double> next = new HashMap<>();
        Map<String, Double> byProvider = new HashMap<>();
        for (ProviderRoute provider : providers) {
            List<Double> latencies = new ArrayList<>();
            for (UpstreamKey key : provider.keys()) {
                KeyHealth.State state = health.of(key.id()).state(now);
                if (state.samples() >= MIN_SAMPLES && state.latencyMs() > 0) {
                    latencies.add(state.latencyMs());
                }
            }
            double median = median(latencies);
            for (UpstreamKey key : provider.keys()) {
                KeyHealth.State state = health.of(key.id()).state(now);
                double factor = 1.0 - state.errorRate();
                if (median > 0 && state.samples() >= MIN_SAMPLES && state.latencyMs() > median) {
                    factor *= median / state.latencyMs();
                }
                if (state.headroom() >= 0 && state.headroom() < LOW_HEADROOM) {
                    factor *= state.headroom() / LOW_HEADROOM;
                }
                next.put(key.id(), Math.max(FLOOR, Math.min(1.0, factor)));
            }
            byProvider.put(provider.name(), providerFactor(provider, next, health, now));
        }
        factors = new Factors(Map.copyOf(next), Map.copyOf(byProvider));
    }

    private static double providerFactor(ProviderRoute provider, Map<UUID, Double> keyFactors,
                                         KeyHealthRegistry health, Instant now) {
        double configured = 0;
        double effective = 0;
        for (UpstreamKey key : provider.keys()) {
            if (!(key.weight() > 0)) {
                continue;
            }
            configured += key.weight();
            if (key.enabled() && health.of(key.id()).available(now)) {
                effective += key.weight() * keyFactors.get(key.id());
            }
        }
        return configured > 0 ? effective / configured : 1.0;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
