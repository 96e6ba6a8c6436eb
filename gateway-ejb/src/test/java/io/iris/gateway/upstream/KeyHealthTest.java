package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyHealthTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private final KeyHealth health = new KeyHealth(3, Duration.ofSeconds(10));

    private void fail(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            health.failure(at);
        }
    }

    @Test
    void failure_belowThreshold_staysClosed() {
        fail(2, T0);

        assertEquals(KeyHealth.Circuit.CLOSED, health.state(T0).circuit());
        assertTrue(health.tryAcquire(T0));
    }

    @Test
    void failure_atThreshold_opensAndTakesNoTraffic() {
        fail(3, T0);

        assertEquals(KeyHealth.Circuit.OPEN, health.state(T0.plusSeconds(9)).circuit());
        assertFalse(health.tryAcquire(T0.plusSeconds(9)));
        assertFalse(health.available(T0.plusSeconds(9)));
    }

    @Test
    void tryAcquire_afterCoolDown_oneProbeAtATime() {
        fail(3, T0);
        Instant later = T0.plusSeconds(10);

        assertEquals(KeyHealth.Circuit.HALF_OPEN, health.state(later).circuit());
        assertTrue(health.tryAcquire(later), "the first caller probes");
        assertFalse(health.tryAcquire(later), "no second probe while the first is in flight");
    }

    @Test
    void success_ofTheProbe_closes() {
        fail(3, T0);
        health.tryAcquire(T0.plusSeconds(10));

        health.success(Duration.ofMillis(40));

        assertEquals(KeyHealth.Circuit.CLOSED, health.state(T0.plusSeconds(10)).circuit());
        assertEquals(0, health.state(T0.plusSeconds(10)).consecutiveFailures());
    }

    @Test
    void failure_ofTheProbe_opensAgainForAnotherCoolDown() {
        fail(3, T0);
        Instant probeTime = T0.plusSeconds(10);
        health.tryAcquire(probeTime);

        health.failure(probeTime);

        assertFalse(health.tryAcquire(probeTime.plusSeconds(9)));
        assertTrue(health.tryAcquire(probeTime.plusSeconds(10)));
    }

    @Test
    void abandon_probeWhoseClientLeft_freesTheProbe() {
        fail(3, T0);
        health.tryAcquire(T0.plusSeconds(10));

        health.abandon();

        assertTrue(health.tryAcquire(T0.plusSeconds(10)));
    }

    @Test
    void success_latencyAndErrorRate_movingAverages() {
        health.success(Duration.ofMillis(100));
        health.success(Duration.ofMillis(200));
        health.failure(T0);

        KeyHealth.State state = health.state(T0);
        assertEquals(120.0, state.latencyMs(), 1e-9, "100 + 0.2 x (200 - 100)");
        assertEquals(0.2, state.errorRate(), 1e-9);
        assertEquals(3, state.samples());
    }
}
