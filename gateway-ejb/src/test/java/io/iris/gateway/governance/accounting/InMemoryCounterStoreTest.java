package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryCounterStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CounterKey BUDGET = CounterKey.budget(UUID.randomUUID());
    private static final UUID RATE = UUID.randomUUID();
    private static final CounterKey REQUESTS = CounterKey.requests(RATE);
    private static final CounterKey TOKENS = CounterKey.tokens(RATE);

    private final InMemoryCounterStore store = new InMemoryCounterStore(Clock.fixed(NOW, ZoneOffset.UTC));

    private static CounterSpec spec(CounterKey key, long limit, long used) {
        return new CounterSpec(key, limit, ResetPeriod.parse("1h").orElseThrow(), false, used, NOW);
    }

    private long used(CounterKey key) {
        return store.counter(key).orElseThrow().used(NOW);
    }

    private long reserved(CounterKey key) {
        return store.counter(key).orElseThrow().reserved(NOW);
    }

    @Test
    void admit_allHaveRoom_reservesOnEach() {
        store.sync(List.of(spec(BUDGET, 1000, 0), spec(REQUESTS, 5, 0), spec(TOKENS, 100, 0)));
        CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(BUDGET, 300),
                new CounterStore.Claim(REQUESTS, 1), new CounterStore.Claim(TOKENS, 0)), NOW);
        assertTrue(admission.admitted());
        assertEquals(300, reserved(BUDGET));
        assertEquals(1, reserved(REQUESTS));
    }

    @Test
    void admit_laterCounterRefuses_releasesEarlierAndNamesBlockedKey() {
        store.sync(List.of(spec(BUDGET, 1000, 0), spec(REQUESTS, 5, 5)));
        CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(BUDGET, 300),
                new CounterStore.Claim(REQUESTS, 1)), NOW.plusSeconds(600));
        assertFalse(admission.admitted());
        assertEquals(REQUESTS, admission.blockedKey());
        assertEquals(3000, admission.retryAfterSeconds());
        assertEquals(0, reserved(BUDGET));
    }

    @Test
    void admit_unknownKey_ignored() {
        CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(BUDGET, 300)), NOW);
        assertTrue(admission.admitted());
        admission.reservation().settle(Map.of(BUDGET, 10L), NOW);
    }

    @Test
    void admit_sameKeyTwice_reservesOnce() {
        store.sync(List.of(spec(REQUESTS, 1, 0)));
        CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(REQUESTS, 1),
                new CounterStore.Claim(REQUESTS, 1)), NOW);
        assertTrue(admission.admitted());
        assertEquals(1, reserved(REQUESTS));
    }

    @Test
    void settle_actualPerKey_missingKeysSettleWithZero() {
        store.sync(List.of(spec(BUDGET, 1000, 0), spec(REQUESTS, 5, 0), spec(TOKENS, 100, 0)));
        CounterStore.Reservation reservation = store.admit(List.of(new CounterStore.Claim(BUDGET, 300),
                new CounterStore.Claim(REQUESTS, 1), new CounterStore.Claim(TOKENS, 0)), NOW).reservation();
        reservation.settle(Map.of(BUDGET, 120L, TOKENS, 42L), NOW);
        assertEquals(120, used(BUDGET));
        assertEquals(42, used(TOKENS));
        assertEquals(0, used(REQUESTS));
        assertEquals(0, reserved(BUDGET) + reserved(REQUESTS) + reserved(TOKENS));
    }

    @Test
    void settle_calledTwiceOrAfterRelease_takesEffectOnce() {
        store.sync(List.of(spec(BUDGET, 1000, 0)));
        CounterStore.Reservation first = store.admit(List.of(new CounterStore.Claim(BUDGET, 300)), NOW).reservation();
        first.settle(Map.of(BUDGET, 100L), NOW);
        first.settle(Map.of(BUDGET, 100L), NOW);
        first.release(NOW);
        CounterStore.Reservation second = store.admit(List.of(new CounterStore.Claim(BUDGET, 300)), NOW)
                .reservation();
        second.release(NOW);
        second.release(NOW);
        second.settle(Map.of(BUDGET, 100L), NOW);
        assertEquals(100, used(BUDGET));
        assertEquals(0, reserved(BUDGET));
    }

    @Test
    void settle_afterWindowRolled_chargesNewWindow() {
        store.sync(List.of(spec(BUDGET, 1000, 0)));
        CounterStore.Reservation reservation = store.admit(List.of(new CounterStore.Claim(BUDGET, 300)), NOW)
                .reservation();
        Instant later = NOW.plusSeconds(3600);
        reservation.settle(Map.of(BUDGET, 250L), later);
        LiveCounter counter = store.counter(BUDGET).orElseThrow();
        assertEquals(250, counter.used(later));
        assertEquals(0, counter.reserved(later));
        assertEquals(later, counter.windowStart(later));
    }

    @Test
    void sync_existingKey_keepsLiveUsageAndTakesNewLimit() {
        store.sync(List.of(spec(BUDGET, 1000, 10)));
        store.counter(BUDGET).orElseThrow().record(500, NOW);
        store.sync(List.of(spec(BUDGET, 400, 10)));
        assertEquals(510, used(BUDGET));
        assertEquals(400, store.counter(BUDGET).orElseThrow().limit());
        assertFalse(store.admit(List.of(new CounterStore.Claim(BUDGET, 1)), NOW).admitted());
    }

    @Test
    void sync_newKey_restoresStoredUsage() {
        store.sync(List.of(spec(BUDGET, 1000, 640)));
        assertEquals(640, used(BUDGET));
    }

    @Test
    void sync_keyRemoved_dropsCounter() {
        store.sync(List.of(spec(BUDGET, 1000, 0), spec(REQUESTS, 5, 0)));
        store.sync(List.of(spec(REQUESTS, 5, 0)));
        assertTrue(store.counter(BUDGET).isEmpty());
        assertTrue(store.admit(List.of(new CounterStore.Claim(BUDGET, 5000)), NOW).admitted());
    }

    @Test
    void changedSinceLastFlush_onlyChangedCountersOnce() {
        store.sync(List.of(spec(BUDGET, 1000, 0), spec(REQUESTS, 5, 0), spec(TOKENS, 100, 0)));
        assertTrue(store.changedSinceLastFlush().isEmpty());
        store.admit(List.of(new CounterStore.Claim(BUDGET, 300), new CounterStore.Claim(REQUESTS, 1)), NOW)
                .reservation().settle(Map.of(BUDGET, 200L), NOW);
        List<CounterStore.Flush> flushes = store.changedSinceLastFlush();
        assertEquals(1, flushes.size());
        assertEquals(new CounterStore.Flush(BUDGET, 200, NOW, flushes.get(0).version()), flushes.get(0));
        assertTrue(store.changedSinceLastFlush().isEmpty());
    }

    @Test
    void flushFailed_changeDueAgain() {
        store.sync(List.of(spec(TOKENS, 100, 0)));
        store.counter(TOKENS).orElseThrow().record(30, NOW);
        store.flushFailed(store.changedSinceLastFlush());
        assertEquals(30, store.changedSinceLastFlush().get(0).used());
    }
}
