package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iris.gateway.governance.ModelFilter;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyWeightsTest {
    private final KeyHealthRegistry health = new KeyHealthRegistry();

    KeyWeightsTest() {
        health.failureThreshold = 5;
        health.openMs = 30_000;
    }

    private static UpstreamKey key(double weight) {
        return new UpstreamKey(UUID.randomUUID(), "k", "sk-x", weight, ModelFilter.of(List.of("*")), true);
    }

    private static ProviderRoute provider(UpstreamKey... keys) {
        return new ProviderRoute(UUID.randomUUID(), "p", ProviderType.OPENAI, "http://x", null, List.of("*"), true,
                new ProviderRoute.Network(1000, 1000, 1000, 0, 100, 1000), List.of(keys));
    }

    private void serve(UpstreamKey key, int times, long latencyMs) {
        for (int i = 0; i < times; i++) {
            health.of(key.id()).success(Duration.ofMillis(latencyMs));
        }
    }

    @Test
    void recompute_equallyHealthyKeys_keepTheirConfiguredWeights() {
        UpstreamKey a = key(0.7);
        UpstreamKey b = key(0.3);
        serve(a, 10, 20);
        serve(b, 10, 20);

        health.recomputeWeights(List.of(provider(a, b)));

        assertEquals(0.7, health.weights().effective(a), 1e-9);
        assertEquals(0.3, health.weights().effective(b), 1e-9);
    }

    @Test
    void recompute_keyTenTimesSlowerThanTheMedian_losesShareDownToTheFloor() {
        UpstreamKey fast1 = key(1);
        UpstreamKey fast2 = key(1);
        UpstreamKey slow = key(1);
        serve(fast1, 10, 20);
        serve(fast2, 10, 20);
        serve(slow, 10, 200);

        health.recomputeWeights(List.of(provider(fast1, fast2, slow)));

        assertEquals(1.0, health.weights().effective(fast1), 1e-9);
        assertEquals(0.1, health.weights().effective(slow), 1e-9, "median 20 ms / 200 ms");
    }

    @Test
    void recompute_failingKey_weightShrinksWithItsErrorRateNotBelowTheFloor() {
        UpstreamKey healthy = key(1);
        UpstreamKey failing = key(1);
        serve(healthy, 10, 20);
        for (int i = 0; i < 4; i++) {
            health.of(failing.id()).failure(Instant.now());
        }

        health.recomputeWeights(List.of(provider(healthy, failing)));

        assertEquals(KeyWeights.FLOOR, health.weights().factor(failing.id()), 1e-9);
    }

    @Test
    void effective_keyNeverSeen_configuredWeight() {
        assertEquals(0.4, new KeyWeights().effective(key(0.4)), 1e-9);
    }

    @Test
    void providerFactor_allKeysHealthy_one() {
        UpstreamKey a = key(0.7);
        UpstreamKey b = key(0.3);
        serve(a, 10, 20);
        serve(b, 10, 20);

        health.recomputeWeights(List.of(provider(a, b)));

        assertEquals(1.0, health.weights().providerFactor("p"), 1e-9);
    }

    @Test
    void providerFactor_heaviestKeyCircuitOpen_shareOfWeightStillServing() {
        UpstreamKey heavy = key(0.75);
        UpstreamKey light = key(0.25);
        serve(light, 10, 20);
        for (int i = 0; i < 5; i++) {
            health.of(heavy.id()).failure(Instant.now());
        }

        health.recomputeWeights(List.of(provider(heavy, light)));

        assertEquals(0.25, health.weights().providerFactor("p"), 1e-9);
    }

    @Test
    void providerFactor_everyKeyDisabled_zero() {
        UpstreamKey off = new UpstreamKey(UUID.randomUUID(), "k", "sk-x", 1, ModelFilter.of(List.of("*")), false);

        health.recomputeWeights(List.of(provider(off)));

        assertEquals(0.0, health.weights().providerFactor("p"), 1e-9);
    }

    @Test
    void providerFactor_providerNeverSeen_one() {
        assertEquals(1.0, new KeyWeights().providerFactor("unknown"), 1e-9);
    }

    @Test
    void recompute_keyWithLittleRateLimitLeft_losesShareInProportion() {
        UpstreamKey roomy = key(1);
        UpstreamKey nearLimit = key(1);
        serve(roomy, 10, 20);
        serve(nearLimit, 10, 20);
        health.of(roomy.id()).recordHeadroom(0.8);
        health.of(nearLimit.id()).recordHeadroom(0.05);

        health.recomputeWeights(List.of(provider(roomy, nearLimit)));

        assertEquals(1.0, health.weights().factor(roomy.id()), 1e-9);
        assertEquals(0.5, health.weights().factor(nearLimit.id()), 1e-9, "5 % left of a 10 % threshold");
    }
}
