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
 * error rate and with how much slower than the provider's median key it is, never below {@link #FLOOR} of the
 * configured weight, so it keeps getting the occasional request that shows it has recovered. Weights are
 * relative, so what a degraded key loses goes to its healthy peers in proportion to their own weights: a healthy
 * key never takes more than its share unless a peer degrades. An open circuit is handled by selection itself.
 * Thread-safe: the table is replaced whole.
 */
public final class KeyWeights {
    static final double FLOOR = 0.05;
    /** Samples a key needs before its latency counts against it. */
    static final long MIN_SAMPLES = 5;

    private volatile Map<UUID, Double> factors = Map.of();

    /** The weight to use now for {@code key}: its configured weight times its health factor. */
    public double effective(UpstreamKey key) {
        return key.weight() * factors.getOrDefault(key.id(), 1.0);
    }

    public double factor(UUID keyId) {
        return factors.getOrDefault(keyId, 1.0);
    }

    /** Works the factors out again from the health of every provider's keys. */
    public void recompute(Collection<ProviderRoute> providers, KeyHealthRegistry health, Instant now) {
        Map<UUID, Double> next = new HashMap<>();
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
                next.put(key.id(), Math.max(FLOOR, Math.min(1.0, factor)));
            }
        }
        factors = Map.copyOf(next);
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
