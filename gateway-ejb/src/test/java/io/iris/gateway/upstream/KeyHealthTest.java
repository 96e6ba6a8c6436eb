package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** Succeeds then fails, {@code pairs} times, all at {@code at}: never two failures in a row. */
    private static void alternate(KeyHealth health, int pairs, Instant at) {
        for (int i = 0; i < pairs; i++) {
            health.success(Duration.ofMillis(10), at);
            health.failure(at);
        }
    }

    /** Opens only by error rate: consecutive failures never reach the threshold in these tests. */
    private static KeyHealth byRateOnly() {
        return new KeyHealth(100, Duration.ofSeconds(10));
    }

    @Test
    void failure_windowErrorRateAtThresholdWithMinRequests_opens() {
        KeyHealth health = byRateOnly();
        alternate(health, 9, T0);
        health.success(Duration.ofMillis(10), T0);

        assertEquals(KeyHealth.Circuit.CLOSED, health.state(T0).circuit(), "19 outcomes: below the minimum");

        health.failure(T0);

        assertEquals(KeyHealth.Circuit.OPEN, health.state(T0).circuit(), "10 failures out of 20");
        assertEquals(1, health.state(T0).consecutiveFailures());
        assertFalse(health.tryAcquire(T0.plusSeconds(9)));
    }

    @Test
    void failure_windowErrorRateBelowThreshold_staysClosed() {
        KeyHealth health = byRateOnly();
        for (int i = 0; i < 12; i++) {
            health.success(Duration.ofMillis(10), T0);
        }
        alternate(health, 9, T0);

        KeyHealth.State state = health.state(T0);
        assertEquals(KeyHealth.Circuit.CLOSED, state.circuit());
        assertEquals(30, state.windowRequests());
        assertEquals(0.3, state.windowErrorRate(), 1e-12);
    }

    @Test
    void failure_windowErrorRateHighButTooFewRequests_staysClosed() {
        KeyHealth health = new KeyHealth(100, Duration.ofSeconds(10), 0.5, 20, Duration.ofSeconds(10));
        for (int i = 0; i < 19; i++) {
            health.failure(T0);
        }

        assertEquals(KeyHealth.Circuit.CLOSED, health.state(T0).circuit(), "all failed, but only 19");
        assertEquals(1.0, health.state(T0).windowErrorRate());

        health.failure(T0);

        assertEquals(KeyHealth.Circuit.OPEN, health.state(T0).circuit());
    }

    @Test
    void failure_outcomesOlderThanTheWindow_notCounted() {
        KeyHealth health = byRateOnly();
        alternate(health, 9, T0);
        health.success(Duration.ofMillis(10), T0);

        health.failure(T0.plusSeconds(10));

        KeyHealth.State state = health.state(T0.plusSeconds(10));
        assertEquals(KeyHealth.Circuit.CLOSED, state.circuit());
        assertEquals(1, state.windowRequests());
    }

    @Test
    void state_later_windowFiguresAtThatTime() {
        KeyHealth health = byRateOnly();
        health.failure(T0);
        health.success(Duration.ofMillis(10), T0.plusSeconds(5));

        assertEquals(2, health.state(T0.plusSeconds(5)).windowRequests());
        assertEquals(0.5, health.state(T0.plusSeconds(5)).windowErrorRate());
        assertEquals(1, health.state(T0.plusSeconds(10)).windowRequests(), "the T0 failure has left the window");
        assertEquals(0.0, health.state(T0.plusSeconds(10)).windowErrorRate());
    }

    @Test
    void failure_openingTheCircuit_clearsTheWindow() {
        KeyHealth health = new KeyHealth(100, Duration.ofSeconds(1), 0.5, 20, Duration.ofSeconds(60));
        alternate(health, 10, T0);
        assertEquals(0, health.state(T0).windowRequests());

        assertTrue(health.tryAcquire(T0.plusSeconds(1)));
        health.success(Duration.ofMillis(10), T0.plusSeconds(1));
        health.failure(T0.plusSeconds(1));

        assertEquals(KeyHealth.Circuit.CLOSED, health.state(T0.plusSeconds(1)).circuit(),
                "the failures that opened the circuit do not count again");
    }

    @Test
    void success_ofTheProbe_clearsTheWindow() {
        fail(3, T0);
        Instant probeTime = T0.plusSeconds(10);
        health.tryAcquire(probeTime);

        health.success(Duration.ofMillis(40), probeTime);

        assertEquals(0, health.state(probeTime).windowRequests());
    }

    @Test
    void failure_ofAProbeAfterAnErrorRateOpening_opensAgain() {
        KeyHealth health = byRateOnly();
        alternate(health, 10, T0);
        Instant probeTime = T0.plusSeconds(10);
        assertTrue(health.tryAcquire(probeTime));

        health.failure(probeTime);

        assertEquals(KeyHealth.Circuit.OPEN, health.state(probeTime).circuit());
        assertFalse(health.tryAcquire(probeTime.plusSeconds(9)));
    }

    @Test
    void constructor_errorRateRuleOutOfRange_throws() {
        Duration open = Duration.ofSeconds(10);
        Duration window = Duration.ofSeconds(10);
        assertThrows(IllegalArgumentException.class, () -> new KeyHealth(3, open, 0, 20, window));
        assertThrows(IllegalArgumentException.class, () -> new KeyHealth(3, open, 1.5, 20, window));
        assertThrows(IllegalArgumentException.class, () -> new KeyHealth(3, open, Double.NaN, 20, window));
        assertThrows(IllegalArgumentException.class, () -> new KeyHealth(3, open, 0.5, 0, window));
        assertThrows(IllegalArgumentException.class, () -> new KeyHealth(3, open, 0.5, 20, Duration.ofMillis(5)));
    }

    @Test
    void recordHeadroom_fraction_keptInTheState() {
        assertEquals(RateLimitHeadroom.UNKNOWN, health.state(T0).headroom(), "unknown until reported");

        health.recordHeadroom(0.25);

        assertEquals(0.25, health.state(T0).headroom());
    }

    @Test
    void recordHeadroom_unknownReading_keepsTheLatestKnown() {
        health.recordHeadroom(0.25);

        health.recordHeadroom(RateLimitHeadroom.UNKNOWN);
        health.recordHeadroom(Double.NaN);

        assertEquals(0.25, health.state(T0).headroom());
    }

    @Test
    void recordHeadroom_aboveOne_clampedToOne() {
        health.recordHeadroom(1.5);

        assertEquals(1.0, health.state(T0).headroom());
    }

    @Test
    void recordHeadroom_thenOutcomes_headroomSurvives() {
        health.recordHeadroom(0.4);

        fail(3, T0);
        health.tryAcquire(T0.plusSeconds(10));
        health.success(Duration.ofMillis(10), T0.plusSeconds(10));

        assertEquals(0.4, health.state(T0.plusSeconds(10)).headroom());
    }

    @Test
    void state_sevenFieldConstructor_emptyWindowAndUnknownHeadroom() {
        KeyHealth.State state = new KeyHealth.State(KeyHealth.Circuit.CLOSED, 0, T0, false, 1, 0, 1);

        assertEquals(0, state.windowRequests());
        assertEquals(0.0, state.windowErrorRate());
        assertEquals(RateLimitHeadroom.UNKNOWN, state.headroom());
    }
}
